using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0005 for 'stackalloc' (the span types themselves reach NF0005 through <see cref="TypeClassifier"/>):
    /// stackalloc yields a Span&lt;T&gt; or an unmanaged pointer, and the 1.x interpreter has neither nor
    /// the localloc instruction behind it.
    /// </summary>
    internal static class StackallocRule
    {
        public static void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSyntaxNodeAction(Analyze,
                SyntaxKind.StackAllocArrayCreationExpression, SyntaxKind.ImplicitStackAllocArrayCreationExpression);

        private static void Analyze(SyntaxNodeAnalysisContext context) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.Span, context.Node.GetFirstToken().GetLocation(),
                "'stackalloc' allocates on the stack into a span or a pointer"));
    }
}
