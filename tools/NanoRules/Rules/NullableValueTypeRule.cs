using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0008: nullable value types. 'int?' is System.Nullable&lt;int&gt;, a generic struct, and lifted
    /// operators call its generic members. Also caught where no '?' type is written: 'text?.Length'
    /// yields an int?. (Nullable reference types such as 'string?' are annotations only and pass.)
    /// </summary>
    internal static class NullableValueTypeRule
    {
        public static void Register(CompilationStartAnalysisContext context, TypeClassifier types)
        {
            context.RegisterSyntaxNodeAction(c => AnalyzeNullableType(c, types), SyntaxKind.NullableType);
            context.RegisterSyntaxNodeAction(c => AnalyzeConditionalAccess(c, types), SyntaxKind.ConditionalAccessExpression);
        }

        private static void AnalyzeNullableType(SyntaxNodeAnalysisContext context, TypeClassifier types)
        {
            if (context.Node.IsPartOfStructuredTrivia())
                return; // A cref in a doc comment names a type without using it.

            var type = context.SemanticModel.GetTypeInfo(context.Node, context.CancellationToken).Type;
            if (IsNullableValueType(type))
                context.ReportIfAny(types.Check(type!, context.Node.GetLocation()));
        }

        private static void AnalyzeConditionalAccess(SyntaxNodeAnalysisContext context, TypeClassifier types)
        {
            var access = (ConditionalAccessExpressionSyntax)context.Node;
            if (access.Parent is ConditionalAccessExpressionSyntax outer && outer.WhenNotNull == access)
                return; // a?.B?.C: the outer access is the one reported.

            var type = context.SemanticModel.GetTypeInfo(access, context.CancellationToken).Type;
            if (IsNullableValueType(type))
                context.ReportIfAny(types.Check(type!, access.OperatorToken.GetLocation(), "this '?.' yields"));
        }

        private static bool IsNullableValueType(ITypeSymbol? type) =>
            type?.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
    }
}
