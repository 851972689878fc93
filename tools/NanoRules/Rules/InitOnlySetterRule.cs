using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0015: 'init' accessors. An init setter carries a required modifier (modreq IsExternalInit) in its
    /// signature; the 1.x metadata processor does not model custom modifiers and mscorlib lacks the type.
    /// </summary>
    internal static class InitOnlySetterRule
    {
        public static void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.InitAccessorDeclaration);

        private static void Analyze(SyntaxNodeAnalysisContext context)
        {
            var accessor = (AccessorDeclarationSyntax)context.Node;
            var owner = accessor.Parent?.Parent is PropertyDeclarationSyntax property ? property.Identifier.ValueText : "this[]";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.InitOnlySetter, accessor.Keyword.GetLocation(), owner));
        }
    }
}
