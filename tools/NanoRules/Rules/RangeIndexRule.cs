using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0017: ranges (a..b) and indexes from the end (^1). They compile to System.Range and System.Index
    /// values and to Slice/Substring/GetSubArray&lt;T&gt; calls; 1.x's mscorlib has none of them.
    /// </summary>
    internal static class RangeIndexRule
    {
        public static void Register(CompilationStartAnalysisContext context)
        {
            context.RegisterSyntaxNodeAction(AnalyzeRange, SyntaxKind.RangeExpression);
            context.RegisterSyntaxNodeAction(AnalyzeIndex, SyntaxKind.IndexExpression);
        }

        private static void AnalyzeRange(SyntaxNodeAnalysisContext context) =>
            Report(context, "a range");

        private static void AnalyzeIndex(SyntaxNodeAnalysisContext context)
        {
            if (!context.Node.Parent.IsKind(SyntaxKind.RangeExpression))
                Report(context, "an index from the end"); // ^1 inside a range is part of that range's diagnostic.
        }

        private static void Report(SyntaxNodeAnalysisContext context, string what) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.RangeOrIndex, context.Node.GetLocation(),
                SyntaxShapes.Excerpt(context.Node), what));
    }
}
