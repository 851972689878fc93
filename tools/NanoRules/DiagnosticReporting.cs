using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules
{
    /// <summary>Reports the diagnostic <see cref="TypeClassifier"/> may or may not have produced.</summary>
    internal static class DiagnosticReporting
    {
        public static void ReportIfAny(this SyntaxNodeAnalysisContext context, Diagnostic? diagnostic)
        {
            if (diagnostic != null)
                context.ReportDiagnostic(diagnostic);
        }

        public static void ReportIfAny(this OperationAnalysisContext context, Diagnostic? diagnostic)
        {
            if (diagnostic != null)
                context.ReportDiagnostic(diagnostic);
        }
    }
}
