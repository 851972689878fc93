using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0001: any type parameter list. The 1.x runtime and its metadata processor have no generic
    /// parameters, TypeSpecs or MethodSpecs, so a generic type or method cannot even be loaded.
    /// </summary>
    internal static class GenericDeclarationRule
    {
        public static void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.TypeParameterList);

        private static void Analyze(SyntaxNodeAnalysisContext context)
        {
            var list = (TypeParameterListSyntax)context.Node;
            string kind;
            SyntaxToken name;
            switch (list.Parent)
            {
                case TypeDeclarationSyntax type:
                    kind = type.Keyword.ValueText;
                    name = type.Identifier;
                    break;
                case DelegateDeclarationSyntax @delegate:
                    kind = "delegate";
                    name = @delegate.Identifier;
                    break;
                case MethodDeclarationSyntax method:
                    kind = "method";
                    name = method.Identifier;
                    break;
                case LocalFunctionStatementSyntax local:
                    kind = "local function";
                    name = local.Identifier;
                    break;
                default:
                    return;
            }

            var location = Location.Create(list.SyntaxTree, TextSpan.FromBounds(name.SpanStart, list.Span.End));
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.GenericDeclaration, location, kind, name.ValueText + list));
        }
    }
}
