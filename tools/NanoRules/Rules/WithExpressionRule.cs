using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0018: 'with' expressions. In C# 9 they clone a record through its compiler-generated
    /// &lt;Clone&gt;$ method and then run init-only setters; neither exists for 1.x (see NF0006, NF0015).
    /// </summary>
    internal static class WithExpressionRule
    {
        public static void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.WithExpression);

        private static void Analyze(SyntaxNodeAnalysisContext context) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.WithExpression, context.Node.GetLocation(),
                SyntaxShapes.Excerpt(context.Node)));
    }
}
