using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0016: interface members with bodies (default interface methods, C# 8). They need a runtime that
    /// dispatches to code in an interface; the 1.x runtime only knows abstract interface slots.
    /// </summary>
    internal static class DefaultInterfaceMemberRule
    {
        public static void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.InterfaceDeclaration);

        private static void Analyze(SyntaxNodeAnalysisContext context)
        {
            var declaration = (InterfaceDeclarationSyntax)context.Node;
            foreach (var member in declaration.Members)
            {
                if (!HasBody(member))
                    continue;

                var symbol = context.SemanticModel.GetDeclaredSymbol(member, context.CancellationToken);
                if (symbol != null && symbol.Locations.Length > 0)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.DefaultInterfaceMember, symbol.Locations[0],
                        symbol.Name, declaration.Identifier.ValueText));
                }
            }
        }

        private static bool HasBody(MemberDeclarationSyntax member)
        {
            switch (member)
            {
                case BaseMethodDeclarationSyntax method:
                    return method.Body != null || method.ExpressionBody != null;
                case PropertyDeclarationSyntax property when property.ExpressionBody != null:
                case IndexerDeclarationSyntax indexer when indexer.ExpressionBody != null:
                    return true;
                case BasePropertyDeclarationSyntax withAccessors when withAccessors.AccessorList != null:
                    foreach (var accessor in withAccessors.AccessorList.Accessors)
                    {
                        if (accessor.Body != null || accessor.ExpressionBody != null)
                            return true;
                    }

                    return false;
                default:
                    return false;
            }
        }
    }
}
