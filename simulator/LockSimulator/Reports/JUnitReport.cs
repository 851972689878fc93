using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using LockSimulator.SelfTestJudging;

namespace LockSimulator.Cli.Reports;

/// <summary>
/// A judged self-test as JUnit XML for the test rig's CI: one testsuite, one testcase per
/// step; a failed step carries a failure with its reason, a step not judged is skipped, and a
/// passed step keeps its measured times in system-out.
/// </summary>
public static class JUnitReport
{
    /// <summary>Writes the report to <paramref name="path"/> as UTF-8 without a byte order mark, which some CI parsers reject.</summary>
    public static void Save(SelfTestVerdict verdict, string suite, string path)
    {
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        Build(verdict, suite).Save(writer);
    }

    private static XDocument Build(SelfTestVerdict verdict, string suite) => new(
        new XElement(
            "testsuite",
            new XAttribute("name", suite),
            new XAttribute("tests", verdict.Steps.Count),
            new XAttribute("failures", verdict.Failures.Count()),
            new XAttribute("errors", 0),
            new XAttribute("skipped", verdict.Steps.Count(s => s.Status == StepStatus.NotJudged)),
            verdict.Steps.Select(Case)));

    private static XElement Case(StepResult step) => new(
        "testcase",
        new XAttribute("classname", "selftest"),
        new XAttribute("name", step.Name),
        step.Status switch
        {
            StepStatus.Fail => new XElement("failure", new XAttribute("message", step.Detail), step.Detail),
            StepStatus.NotJudged => new XElement("skipped", new XAttribute("message", step.Detail)),
            _ => new XElement("system-out", step.Detail),
        });
}
