using System.Net;

namespace LockSimulator.Cli.Reports;

/// <summary>Text made safe for HTML and SVG (names and messages come from the recording).</summary>
internal static class Html
{
    public static string Text(string text) => WebUtility.HtmlEncode(text);
}
