namespace LockSimulator.Server.Contracts;

/// <summary>
/// Every error answer of the server (RFC 9457 <c>application/problem+json</c>): always these four
/// fields and no others. <see cref="Detail"/> says, for the client, what to change.
/// </summary>
/// <param name="Type">Always "about:blank": the status says what kind of error it is.</param>
/// <param name="Title">The HTTP reason phrase of <paramref name="Status"/>.</param>
/// <param name="Status">The HTTP status code, as in the response.</param>
/// <param name="Detail">What was wrong with this request, in terms of its URL and fields.</param>
public sealed record Problem(string Type, string Title, int Status, string Detail);
