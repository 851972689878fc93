using System;
using System.IO;
using System.Linq;
using System.Text;
using LockSimulator.SelfTestJudging;

namespace LockSimulator.Cli.Reports;

/// <summary>
/// A judged self-test as one self-contained HTML page for QA (no script, no external file):
/// the verdict and the instruction in plain words at the top, a timing diagram of the whole
/// recording, then each press with its own diagram (the 10 s and 20 s limits drawn), its
/// rules with the measured times, and what the care worker must do.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body { font-family: sans-serif; margin: 24px; color: #263238; max-width: 1000px; }
        h1 { font-size: 22px; margin: 0 0 12px; }
        h2 { font-size: 18px; margin: 28px 0 8px; }
        .verdict { padding: 14px 18px; border-radius: 6px; color: #fff; font-size: 17px; }
        .verdict b { font-size: 22px; margin-right: 10px; }
        .pass { background: #2e7d32; } .fail { background: #c62828; } .unusable { background: #6d4c41; }
        .instruction { border-left: 6px solid; padding: 8px 12px; margin: 10px 0; background: #f5f5f5; font-size: 15px; }
        .instruction.pass { border-color: #2e7d32; } .instruction.fail { border-color: #c62828; } .instruction.unusable { border-color: #6d4c41; }
        table { border-collapse: collapse; margin: 8px 0; }
        td, th { text-align: left; padding: 4px 10px; border-bottom: 1px solid #cfd8dc; vertical-align: top; }
        td.Pass { color: #2e7d32; font-weight: bold; } td.Fail { color: #c62828; font-weight: bold; }
        td.Unusable { color: #6d4c41; font-weight: bold; } td.NotJudged { color: #78909c; }
        .note { color: #546e7a; font-size: 13px; }
        svg { display: block; margin: 6px 0; }
        """;

    public static void Save(SelfTestVerdict verdict, string title, string path) => File.WriteAllText(path, Page(verdict, title), new UTF8Encoding(false));

    public static string Page(SelfTestVerdict verdict, string title)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append($"<title>{Html.Text(PressVerdict.Label(verdict.Outcome))} – {Html.Text(title)}</title><style>{Style}</style></head><body>\n");
        html.Append($"<h1>Push-button self-test: {Html.Text(title)}</h1>\n");
        html.Append($"<div class=\"verdict {Css(verdict.Outcome)}\" id=\"verdict\"><b>{PressVerdict.Label(verdict.Outcome)}</b>{Html.Text(verdict.Reason)}</div>\n");
        html.Append(Instruction(verdict.Outcome, verdict.Instruction));

        SelfTestRecording r = verdict.Judged;
        html.Append("<h2>The whole recording</h2>\n");
        html.Append(TimingDiagram.Svg(r, r.StartUs, Math.Max(r.EndUs, r.StartUs + 1), null, "button, green and red over the whole recording"));
        html.Append($"<p class=\"note\">{Html.Text(Legend())}</p>\n");

        foreach (PressVerdict press in verdict.Presses)
        {
            string battery = press.Outcome == StepStatus.Pass ? $", battery {press.Battery}" : "";
            html.Append($"<h2 id=\"press{press.Number}\">{Html.Text(press.Title)}: {PressVerdict.Label(press.Outcome)}{battery}</h2>\n");
            long from = Math.Max(r.StartUs, press.PressUs - 1_000_000);
            long to = Math.Min(press.WindowEndUs, press.PressUs + SelfTestRules.RedLimitUs + 3_000_000);
            html.Append(TimingDiagram.Svg(r, from, Math.Max(to, from + 1), press.PressUs, $"{press.Title} with the routine's limits"));
            html.Append("<table><tr><th>rule</th><th>result</th><th>measured</th></tr>");
            foreach (StepResult step in press.Steps)
            {
                html.Append($"<tr><td>{Html.Text(step.Rule)}</td><td class=\"{step.Status}\">{Result(step.Status)}</td><td>{Html.Text(step.Detail)}</td></tr>");
            }

            html.Append("</table>\n");
            foreach (long ignored in press.IgnoredPressesUs)
            {
                html.Append($"<p class=\"note\">Pressed again at {Durations.Seconds(ignored)} while this test ran: the lock ignores it.</p>\n");
            }

            html.Append(Instruction(press.Outcome, press.Instruction));
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Instruction(StepStatus outcome, string text) => outcome == StepStatus.Unusable
        ? $"<div class=\"instruction unusable\"><b>For QA:</b> {Html.Text(text)}</div>\n"
        : $"<div class=\"instruction {Css(outcome)}\"><b>Tell the care worker:</b> {Html.Text(text)}</div>\n";

    private static string Legend() =>
        $"Drawn as judged: high = pressed or lit; button closings shorter than {Durations.Seconds(SelfTestRules.PressHoldUs)} and LED pulses shorter than " +
        $"{Durations.Seconds(SelfTestRules.LedGlitchUs)} removed. A blink is red lit {Durations.Seconds(SelfTestRules.MinBlinkOnUs)} to {Durations.Seconds(SelfTestRules.MaxBlinkOnUs)}.";

    private static string Result(StepStatus status) => status switch
    {
        StepStatus.Pass => "ok",
        StepStatus.Fail => "FAIL",
        StepStatus.Unusable => "cannot tell",
        _ => "not judged",
    };

    private static string Css(StepStatus outcome) => outcome switch
    {
        StepStatus.Pass => "pass",
        StepStatus.Fail => "fail",
        _ => "unusable",
    };
}
