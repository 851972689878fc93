using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0010: decimal. The nanoCLR has no decimal arithmetic; the System.Decimal in its mscorlib is a
    /// placeholder the runtime refuses to resolve ("type unavailable") when code touches it.
    /// </summary>
    internal static class DecimalRule
    {
        public static void Register(CompilationStartAnalysisContext context)
        {
            context.RegisterSyntaxNodeAction(AnalyzeKeyword, SyntaxKind.PredefinedType);
            context.RegisterSyntaxNodeAction(AnalyzeName, SyntaxKind.IdentifierName);
            context.RegisterSyntaxNodeAction(AnalyzeLiteral, SyntaxKind.NumericLiteralExpression);
        }

        private static void AnalyzeKeyword(SyntaxNodeAnalysisContext context)
        {
            if (((PredefinedTypeSyntax)context.Node).Keyword.IsKind(SyntaxKind.DecimalKeyword) && !context.Node.IsPartOfStructuredTrivia())
                Report(context, "'decimal' is the decimal type");
        }

        /// <summary>System.Decimal written by its type name.</summary>
        private static void AnalyzeName(SyntaxNodeAnalysisContext context)
        {
            var name = (IdentifierNameSyntax)context.Node;
            if (name.Identifier.ValueText == "Decimal" && !name.IsPartOfStructuredTrivia() &&
                context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol is ITypeSymbol { SpecialType: SpecialType.System_Decimal })
            {
                Report(context, "'Decimal' is the decimal type");
            }
        }

        private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
        {
            var literal = (LiteralExpressionSyntax)context.Node;
            if (literal.Token.Value is decimal)
                Report(context, $"'{literal.Token.Text}' is a decimal literal");
        }

        private static void Report(SyntaxNodeAnalysisContext context, string what) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.Decimal, context.Node.GetLocation(), what));
    }
}
