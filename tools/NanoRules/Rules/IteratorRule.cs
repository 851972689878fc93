using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0009: 'yield'. Every iterator, even one returning the non-generic IEnumerable, compiles to a state
    /// machine class implementing IEnumerable&lt;T&gt; and IEnumerator&lt;T&gt;: generics again.
    /// </summary>
    internal static class IteratorRule
    {
        public static void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.YieldReturnStatement, SyntaxKind.YieldBreakStatement);

        private static void Analyze(SyntaxNodeAnalysisContext context)
        {
            var statement = (YieldStatementSyntax)context.Node;
            var location = Location.Create(statement.SyntaxTree,
                TextSpan.FromBounds(statement.YieldKeyword.SpanStart, statement.ReturnOrBreakKeyword.Span.End));
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.Iterator, location,
                "yield " + statement.ReturnOrBreakKeyword.ValueText));
        }
    }
}
