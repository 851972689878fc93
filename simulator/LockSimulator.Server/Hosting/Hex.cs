using System;

namespace LockSimulator.Server.Hosting;

/// <summary>Hex fields of requests, checked for their exact length.</summary>
internal static class Hex
{
    public static byte[] Parse(string? hex, int length, string field)
    {
        if (hex == null || hex.Length != length * 2)
        {
            throw ApiProblem.BadRequest($"{field} must be {length} bytes as {length * 2} hex digits");
        }

        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw ApiProblem.BadRequest($"{field} is not hex");
        }
    }
}
