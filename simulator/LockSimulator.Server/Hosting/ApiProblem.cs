using System;

namespace LockSimulator.Server.Hosting;

/// <summary>A request the server refuses: becomes a problem+json (<see cref="ProblemWriter"/>) with this status and detail.</summary>
internal sealed class ApiProblem : Exception
{
    public ApiProblem(int status, string detail)
        : base(detail)
    {
        Status = status;
    }

    public int Status { get; }

    public static ApiProblem BadRequest(string detail) => new(400, detail);

    public static ApiProblem NotFound(string detail) => new(404, detail);

    public static ApiProblem Conflict(string detail) => new(409, detail);
}
