using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0004: LINQ. System.Linq is generic through and through (IEnumerable&lt;T&gt;, Func&lt;T, TResult&gt;)
    /// and is not in nanoFramework's mscorlib; query syntax lowers to those generic calls.
    /// </summary>
    internal static class LinqRule
    {
        private static readonly SymbolDisplayFormat MethodFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
            memberOptions: SymbolDisplayMemberOptions.IncludeContainingType);

        public static void Register(CompilationStartAnalysisContext context)
        {
            context.RegisterSyntaxNodeAction(AnalyzeQuery, SyntaxKind.QueryExpression);
            context.RegisterSyntaxNodeAction(AnalyzeUsing, SyntaxKind.UsingDirective);
            context.RegisterOperationAction(AnalyzeMethodUse, OperationKind.Invocation, OperationKind.MethodReference);
        }

        /// <summary>True for a member of a type in System.Linq or a namespace inside it.</summary>
        public static bool IsLinq(ISymbol member) => IsInSystemLinq(member.ContainingNamespace);

        private static bool IsInSystemLinq(INamespaceSymbol? space)
        {
            for (; space != null && !space.IsGlobalNamespace; space = space.ContainingNamespace)
            {
                var parent = space.ContainingNamespace;
                if (space.Name == "Linq" && parent?.Name == "System" && parent.ContainingNamespace.IsGlobalNamespace)
                    return true;
            }

            return false;
        }

        private static void AnalyzeQuery(SyntaxNodeAnalysisContext context)
        {
            var query = (QueryExpressionSyntax)context.Node;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.Linq, query.FromClause.FromKeyword.GetLocation(),
                "this query expression compiles to System.Linq calls"));
        }

        private static void AnalyzeUsing(SyntaxNodeAnalysisContext context)
        {
            var directive = (UsingDirectiveSyntax)context.Node;
            var target = context.SemanticModel.GetSymbolInfo(directive.NamespaceOrType, context.CancellationToken).Symbol;
            var space = target as INamespaceSymbol ?? target?.ContainingNamespace;
            if (IsInSystemLinq(space))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.Linq, directive.GetLocation(),
                    $"'using {directive.NamespaceOrType}' brings in LINQ"));
            }
        }

        private static void AnalyzeMethodUse(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            var method = operation is IInvocationOperation invocation
                ? invocation.TargetMethod
                : ((IMethodReferenceOperation)operation).Method;
            if (operation.IsImplicit || !IsLinq(method))
                return; // Implicit calls come from a query expression, reported as a whole.

            var location = (SyntaxShapes.CalledName(operation.Syntax) ?? operation.Syntax).GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.Linq, location,
                $"'{method.ToDisplayString(MethodFormat)}' is a LINQ method"));
        }
    }
}
