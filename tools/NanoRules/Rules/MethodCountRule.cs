using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0014: more than 255 methods in one type. A 1.x type record keeps its virtual, instance and static
    /// method counts in one byte each; we refuse on the total, which is stricter and cannot be outgrown
    /// by moving a method between those groups. Counted as metadata sees them: ordinary methods,
    /// constructors (implicit and static ones too), property and event accessors, operators. Methods the
    /// compiler generates for lambdas and local functions are not counted.
    /// </summary>
    internal static class MethodCountRule
    {
        private const int Limit = 255;

        public static void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSymbolAction(Analyze, SymbolKind.NamedType);

        private static void Analyze(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            var count = 0;
            foreach (var member in type.GetMembers())
            {
                if (member.Kind == SymbolKind.Method)
                    count++;
            }

            if (count > Limit && type.Locations.Length > 0)
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TooManyMethods, type.Locations[0], type.Name, count));
        }
    }
}
