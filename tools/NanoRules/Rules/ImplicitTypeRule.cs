using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// A 'var' whose inferred type another rule refuses (var items = registry.Items, where Items is a
    /// List&lt;Item&gt;). An inferred type lands in the metadata exactly like a written one; the rule that owns
    /// the type reports it. Skipped when the initializer already shows the type (new List&lt;int&gt;()).
    /// </summary>
    internal static class ImplicitTypeRule
    {
        public static void Register(CompilationStartAnalysisContext context, TypeClassifier types) =>
            context.RegisterSyntaxNodeAction(c => Analyze(c, types), SyntaxKind.IdentifierName);

        private static void Analyze(SyntaxNodeAnalysisContext context, TypeClassifier types)
        {
            var name = (IdentifierNameSyntax)context.Node;
            if (!name.IsVar)
                return;

            switch (name.Parent)
            {
                case VariableDeclarationSyntax declaration:
                    var initializer = declaration.Variables.Count == 1 ? declaration.Variables[0].Initializer : null;
                    if (initializer != null && SyntaxShapes.InitializerShowsItsType(initializer.Value))
                        return;
                    break;
                case DeclarationExpressionSyntax declaration when declaration.Designation is SingleVariableDesignationSyntax:
                case ForEachStatementSyntax _:
                    break;
                default:
                    return; // 'var (a, b)' belongs to the tuple rule.
            }

            var type = context.SemanticModel.GetTypeInfo(name, context.CancellationToken).Type;
            if (type != null)
                context.ReportIfAny(types.Check(type, name.GetLocation(), "'var' here is"));
        }
    }
}
