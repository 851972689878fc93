using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0013: pointer types (locals, fields, parameters, casts; function pointers too). The nanoCLR is a
    /// managed-only interpreter: no unmanaged pointers, pinning or pointer arithmetic on its heap.
    /// A 'var' inferred as a pointer comes here through <see cref="TypeClassifier"/>.
    /// </summary>
    internal static class PointerRule
    {
        public static void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.PointerType, SyntaxKind.FunctionPointerType);

        private static void Analyze(SyntaxNodeAnalysisContext context)
        {
            if (!context.Node.IsPartOfStructuredTrivia())
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.Pointer, context.Node.GetLocation(),
                    $"'{SyntaxShapes.Excerpt(context.Node)}' is a pointer type"));
            }
        }
    }
}
