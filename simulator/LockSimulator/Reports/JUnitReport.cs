using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using LockSimulator.SelfTestJudging;

namespace LockSimulator.Cli.Reports;

/// <summary>
/// A judged self-test as JUnit XML for the test rig's CI: one testsuite, one testcase per rule
/// of each press. A failed rule is a failure (its measured time and the care worker's
/// instruction), a rule the recording cannot decide is an error, a rule not judged after an
/// earlier failure is skipped, and a passed rule keeps its measured times in system-out. A
/// recording that gives no press at all is one testcase with an error saying what is missing.
/// </summary>
public static class JUnitReport
{
    private const string RecordingCase = "recording";

    public static void Save(SelfTestVerdict verdict, string suite, string path)
    {
        List<XElement> cases = verdict.Problem != null
            ? [Unusable(verdict.Problem)]
            : verdict.Presses.SelectMany(p => p.Steps.Select(s => Case(p, s))).ToList();
        Write(Suite(suite, cases), path);
    }

    /// <summary>For a recording that could not be read at all (not VCD, a channel missing).</summary>
    public static void SaveUnusable(string suite, string why, string path) => Write(Suite(suite, [Unusable(why)]), path);

    /// <summary>UTF-8 without a byte order mark, which some CI parsers reject.</summary>
    private static void Write(XElement suite, string path)
    {
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        new XDocument(suite).Save(writer);
    }

    private static XElement Suite(string name, List<XElement> cases) => new(
        "testsuite",
        new XAttribute("name", name),
        new XAttribute("tests", cases.Count),
        new XAttribute("failures", cases.Count(c => c.Element("failure") != null)),
        new XAttribute("errors", cases.Count(c => c.Element("error") != null)),
        new XAttribute("skipped", cases.Count(c => c.Element("skipped") != null)),
        cases);

    private static XElement Unusable(string why) => new(
        "testcase",
        new XAttribute("classname", "selftest"),
        new XAttribute("name", RecordingCase),
        new XElement("error", new XAttribute("message", why), why + ". " + CareInstructions.RecordAgain));

    private static XElement Case(PressVerdict press, StepResult step) => new(
        "testcase",
        new XAttribute("classname", $"selftest.press{press.Number}"),
        new XAttribute("name", $"{press.Title.ToLowerInvariant()}: {step.Rule}"),
        step.Status switch
        {
            StepStatus.Fail => new XElement("failure", new XAttribute("message", step.Detail), $"{step}. {CareInstructions.ReportToService}"),
            StepStatus.Unusable => new XElement("error", new XAttribute("message", step.Detail), $"{step}. {CareInstructions.RecordAgain}"),
            StepStatus.NotJudged => new XElement("skipped", new XAttribute("message", step.Detail)),
            _ => new XElement("system-out", step.Detail),
        });
}
