using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0011: dynamic. Every dynamic operation compiles to call sites of the C# runtime binder
    /// (Microsoft.CSharp, System.Runtime.CompilerServices.CallSite&lt;T&gt;), which 1.x does not have.
    /// </summary>
    internal static class DynamicRule
    {
        public static void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.IdentifierName);

        private static void Analyze(SyntaxNodeAnalysisContext context)
        {
            var name = (IdentifierNameSyntax)context.Node;
            if (name.Identifier.ValueText == "dynamic" && !name.IsPartOfStructuredTrivia() &&
                context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol is IDynamicTypeSymbol)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.Dynamic, name.GetLocation(), "'dynamic' is the dynamic type"));
            }
        }
    }
}
