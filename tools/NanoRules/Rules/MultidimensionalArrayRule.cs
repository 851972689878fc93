using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0012: arrays of rank 2 or more, in types and in creation. The 1.x runtime knows only
    /// single-dimension zero-based arrays (SZARRAY); int[,] is a distinct array class it cannot build.
    /// Jagged arrays (int[][]) are arrays of arrays and pass.
    /// </summary>
    internal static class MultidimensionalArrayRule
    {
        public static void Register(CompilationStartAnalysisContext context)
        {
            context.RegisterSyntaxNodeAction(AnalyzeRank, SyntaxKind.ArrayRankSpecifier);
            context.RegisterSyntaxNodeAction(AnalyzeImplicitCreation, SyntaxKind.ImplicitArrayCreationExpression);
        }

        private static void AnalyzeRank(SyntaxNodeAnalysisContext context)
        {
            var rank = (ArrayRankSpecifierSyntax)context.Node;
            if (rank.Rank > 1 && !rank.IsPartOfStructuredTrivia())
                Report(context, SyntaxShapes.Excerpt(rank.Parent ?? rank), rank.Rank);
        }

        /// <summary>new[,] { { 1, 2 }, { 3, 4 } }</summary>
        private static void AnalyzeImplicitCreation(SyntaxNodeAnalysisContext context)
        {
            var creation = (ImplicitArrayCreationExpressionSyntax)context.Node;
            if (creation.Commas.Count > 0)
                Report(context, "new[" + new string(',', creation.Commas.Count) + "]", creation.Commas.Count + 1);
        }

        private static void Report(SyntaxNodeAnalysisContext context, string shown, int rank) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.MultidimensionalArray, context.Node.GetLocation(),
                $"'{shown}' has {rank} dimensions"));
    }
}
