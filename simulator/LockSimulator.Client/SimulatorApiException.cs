using System;
using System.Net;

namespace LockSimulator.Client;

/// <summary>The server refused a request: its problem+json, as an exception.</summary>
public sealed class SimulatorApiException : Exception
{
    public SimulatorApiException(HttpStatusCode status, string? title, string? detail)
        : base($"{(int)status} {title}: {detail}")
    {
        Status = status;
        Title = title;
        Detail = detail;
    }

    public HttpStatusCode Status { get; }

    public string? Title { get; }

    public string? Detail { get; }
}
