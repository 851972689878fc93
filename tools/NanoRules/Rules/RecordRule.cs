using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0006: records. The compiler gives them init-only setters (a modreq on IsExternalInit),
    /// IEquatable&lt;T&gt;, EqualityComparer&lt;T&gt;.Default calls and a clone method, all out of reach of 1.x.
    /// </summary>
    internal static class RecordRule
    {
        public static void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration);

        private static void Analyze(SyntaxNodeAnalysisContext context)
        {
            var record = (RecordDeclarationSyntax)context.Node;
            var kind = record.IsKind(SyntaxKind.RecordStructDeclaration) ? "record struct" : "record";
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.Record, record.Identifier.GetLocation(), record.Identifier.ValueText, kind));
        }
    }
}
