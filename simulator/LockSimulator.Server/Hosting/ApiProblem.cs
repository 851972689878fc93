using System;

namespace LockSimulator.Server.Hosting;

/// <summary>A request the server refuses: becomes an RFC 7807 problem with this status.</summary>
internal sealed class ApiProblem : Exception
{
    public ApiProblem(int status, string title, string detail)
        : base(detail)
    {
        Status = status;
        Title = title;
    }

    public int Status { get; }

    public string Title { get; }

    public static ApiProblem BadRequest(string detail) => new(400, "Bad request", detail);

    public static ApiProblem NotFound(string detail) => new(404, "Not found", detail);

    public static ApiProblem Conflict(string detail) => new(409, "Conflict", detail);
}
