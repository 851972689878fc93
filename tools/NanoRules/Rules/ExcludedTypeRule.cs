using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0020: a type that nanoFramework's mscorlib marks with its ExcludeType attribute (System.DBNull,
    /// UIntPtr, TypedReference, BindingFlags, AttributeTargets, ...). The metadata processor leaves such
    /// types out of the .pe, so code naming them compiles and then fails when the runtime resolves it
    /// ("Resolve: unknown type"). The set is read from the referenced mscorlib's own metadata: the
    /// attribute on each type, as the compiler loads it from the real mscorlib.dll. Attributes are
    /// exempt: they and their arguments live only in metadata, which the device never resolves.
    /// </summary>
    internal static class ExcludedTypeRule
    {
        private const string AttributeName = "ExcludeTypeAttribute";
        private const string AttributeNamespace = "System.Runtime.CompilerServices";

        public static void Register(CompilationStartAnalysisContext context)
        {
            context.RegisterSyntaxNodeAction(AnalyzeName, SyntaxKind.IdentifierName);
        }

        /// <summary>
        /// A name bound to an excluded type (written, or behind 'var'), or to a library member that
        /// hands one out. Our own members are reported where their declaration names the type, and a
        /// member of an excluded type where the type's name is written, so each use is reported once.
        /// </summary>
        private static void AnalyzeName(SyntaxNodeAnalysisContext context)
        {
            var name = (IdentifierNameSyntax)context.Node;
            if (name.IsPartOfStructuredTrivia() || name.FirstAncestorOrSelf<AttributeListSyntax>() != null)
                return;

            var symbol = context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol;
            if (symbol is INamedTypeSymbol type)
            {
                var excluded = ExcludedPart(type);
                if (excluded != null)
                    Report(context, name, $"'{excluded.ToDisplayString()}'");
                return;
            }

            var handedOut = symbol switch
            {
                IMethodSymbol method => method.ReturnType,
                IPropertySymbol property => property.Type,
                IFieldSymbol field => field.Type,
                _ => null,
            };
            if (handedOut is INamedTypeSymbol value && symbol!.Locations.Any(l => l.IsInMetadata) && ExcludedPart(symbol.ContainingType) == null)
            {
                var excluded = ExcludedPart(value);
                if (excluded != null)
                    Report(context, name, $"'{symbol.Name}' gives a '{excluded.ToDisplayString()}'");
            }
        }

        /// <summary>The type itself or the first containing type that carries the attribute, if any.</summary>
        private static INamedTypeSymbol? ExcludedPart(INamedTypeSymbol? type)
        {
            for (var current = type; current != null; current = current.ContainingType)
            {
                foreach (var attribute in current.OriginalDefinition.GetAttributes())
                {
                    var attributeClass = attribute.AttributeClass;
                    if (attributeClass != null && attributeClass.Name == AttributeName &&
                        attributeClass.ContainingNamespace.ToDisplayString() == AttributeNamespace)
                    {
                        return current;
                    }
                }
            }

            return null;
        }

        private static void Report(SyntaxNodeAnalysisContext context, SyntaxNode node, string what) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ExcludedType, node.GetLocation(), what));
    }
}
