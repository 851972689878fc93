using System.Linq;
using Xunit;

namespace NanoRules.Tests;

/// <summary>NF0014: at most 255 methods per type, counted as in metadata.</summary>
public class MethodCountTests
{
    /// <summary>A class whose only other method is the implicit default constructor.</summary>
    private static string ClassWith(int ordinaryMethods) =>
        "class Big\n{\n" + string.Concat(Enumerable.Range(0, ordinaryMethods).Select(i => $"    void M{i}() {{ }}\n")) + "}\n";

    [Fact]
    public void TwoHundredFiftyFiveMethodsPass() =>
        Assert.Empty(Snippet.Analyze(ClassWith(254)));

    [Fact]
    public void TwoHundredFiftySixMethodsAreRefused()
    {
        var finding = Assert.Single(Snippet.Analyze(ClassWith(255)));

        Assert.Equal(("NF0014", 1), (finding.Id, finding.Line));
        Assert.Contains("'Big' has 256", finding.Message);
    }

    [Theory]
    [InlineData(248, false)]
    [InlineData(249, true)]
    public void ConstructorsAccessorsAndOperatorsCount(int ordinaryMethods, bool refused)
    {
        // 7 more: instance and static constructors, get/set, add/remove, one operator.
        var source = $$"""
            class Mixed
            {
                static Mixed() { }
                public Mixed() { }
                public int Value { get; set; }
                public event System.EventHandler? Changed;
                public static Mixed operator +(Mixed a, Mixed b) => a;
            {{string.Concat(Enumerable.Range(0, ordinaryMethods).Select(i => $"    void M{i}() {{ }}\n"))}}
            }
            """;

        var findings = Snippet.Analyze(source);

        Assert.Equal(refused ? new[] { "NF0014" } : new string[0], findings.Select(f => f.Id));
    }
}
