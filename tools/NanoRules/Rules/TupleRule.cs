using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0007: tuples. Tuple types and literals are System.ValueTuple&lt;...&gt;, generic structs 1.x does not
    /// have; deconstruction is tuple syntax whose own value is a ValueTuple. ValueTuple written by name or
    /// reached through 'var' comes here through <see cref="TypeClassifier"/>.
    /// </summary>
    internal static class TupleRule
    {
        public static void Register(CompilationStartAnalysisContext context)
        {
            context.RegisterSyntaxNodeAction(AnalyzeTupleType, SyntaxKind.TupleType);
            context.RegisterSyntaxNodeAction(AnalyzeTupleLiteral, SyntaxKind.TupleExpression);
            context.RegisterSyntaxNodeAction(AnalyzeAssignment, SyntaxKind.SimpleAssignmentExpression);
            context.RegisterSyntaxNodeAction(AnalyzeForEach, SyntaxKind.ForEachVariableStatement);
        }

        private static void AnalyzeTupleType(SyntaxNodeAnalysisContext context) =>
            Report(context, context.Node.GetLocation(), $"'{SyntaxShapes.Excerpt(context.Node)}' is a tuple type");

        private static void AnalyzeTupleLiteral(SyntaxNodeAnalysisContext context)
        {
            if (!IsPartOfDeconstruction((TupleExpressionSyntax)context.Node))
                Report(context, context.Node.GetLocation(), $"'{SyntaxShapes.Excerpt(context.Node)}' is a tuple literal");
        }

        /// <summary>(a, b) = ..., var (a, b) = ..., reported once for both sides.</summary>
        private static void AnalyzeAssignment(SyntaxNodeAnalysisContext context)
        {
            var assignment = (AssignmentExpressionSyntax)context.Node;
            if (IsDeconstruction(assignment))
                Report(context, assignment.Left.GetLocation(), $"'{SyntaxShapes.Excerpt(assignment.Left)} = ...' is a deconstruction");
        }

        private static void AnalyzeForEach(SyntaxNodeAnalysisContext context)
        {
            var loop = (ForEachVariableStatementSyntax)context.Node;
            Report(context, loop.Variable.GetLocation(), $"'foreach ({SyntaxShapes.Excerpt(loop.Variable)} in ...)' is a deconstruction");
        }

        private static bool IsDeconstruction(AssignmentExpressionSyntax assignment) =>
            assignment.Left is TupleExpressionSyntax ||
            (assignment.Left is DeclarationExpressionSyntax declaration && declaration.Designation is ParenthesizedVariableDesignationSyntax);

        /// <summary>True for a tuple that is, or is nested in, either side of a deconstructing assignment.</summary>
        private static bool IsPartOfDeconstruction(TupleExpressionSyntax tuple)
        {
            SyntaxNode outermost = tuple;
            while (outermost.Parent is ArgumentSyntax argument && argument.Parent is TupleExpressionSyntax enclosing)
                outermost = enclosing;
            return outermost.Parent is AssignmentExpressionSyntax assignment && IsDeconstruction(assignment);
        }

        private static void Report(SyntaxNodeAnalysisContext context, Location location, string what) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.Tuple, location, what));
    }
}
