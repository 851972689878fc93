using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0003: 'async' and 'await'. The compiler turns an async method into a state machine driven by
    /// Task, awaiters and the (generic) AsyncTaskMethodBuilder family, none of which the 1.x mscorlib has.
    /// </summary>
    internal static class AsyncRule
    {
        public static void Register(CompilationStartAnalysisContext context)
        {
            context.RegisterSyntaxNodeAction(AnalyzeMember, SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement);
            context.RegisterSyntaxNodeAction(AnalyzeAnonymousFunction,
                SyntaxKind.SimpleLambdaExpression, SyntaxKind.ParenthesizedLambdaExpression, SyntaxKind.AnonymousMethodExpression);
            context.RegisterSyntaxNodeAction(AnalyzeAwait, SyntaxKind.AwaitExpression);
            context.RegisterSyntaxNodeAction(AnalyzeAwaitStatement,
                SyntaxKind.ForEachStatement, SyntaxKind.ForEachVariableStatement, SyntaxKind.UsingStatement, SyntaxKind.LocalDeclarationStatement);
        }

        private static void AnalyzeMember(SyntaxNodeAnalysisContext context)
        {
            switch (context.Node)
            {
                case MethodDeclarationSyntax method:
                    ReportAsyncModifier(context, method.Modifiers, method.Identifier, "method");
                    break;
                case LocalFunctionStatementSyntax local:
                    ReportAsyncModifier(context, local.Modifiers, local.Identifier, "local function");
                    break;
            }
        }

        private static void ReportAsyncModifier(SyntaxNodeAnalysisContext context, SyntaxTokenList modifiers, SyntaxToken name, string kind)
        {
            var async = modifiers.IndexOf(SyntaxKind.AsyncKeyword);
            if (async >= 0)
                Report(context, modifiers[async], $"'{name.ValueText}' is an async {kind}");
        }

        private static void AnalyzeAnonymousFunction(SyntaxNodeAnalysisContext context)
        {
            var function = (AnonymousFunctionExpressionSyntax)context.Node;
            if (function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
                Report(context, function.AsyncKeyword, function is AnonymousMethodExpressionSyntax ? "this anonymous method is async" : "this lambda is async");
        }

        private static void AnalyzeAwait(SyntaxNodeAnalysisContext context) =>
            Report(context, ((AwaitExpressionSyntax)context.Node).AwaitKeyword, "'await' suspends the method on a task");

        /// <summary>'await foreach' and 'await using'.</summary>
        private static void AnalyzeAwaitStatement(SyntaxNodeAnalysisContext context)
        {
            SyntaxToken await;
            switch (context.Node)
            {
                case CommonForEachStatementSyntax loop:
                    await = loop.AwaitKeyword;
                    break;
                case UsingStatementSyntax statement:
                    await = statement.AwaitKeyword;
                    break;
                default:
                    await = ((LocalDeclarationStatementSyntax)context.Node).AwaitKeyword;
                    break;
            }

            if (await.IsKind(SyntaxKind.AwaitKeyword))
                Report(context, await, $"'await {await.GetNextToken().ValueText}' awaits asynchronously");
        }

        private static void Report(SyntaxNodeAnalysisContext context, SyntaxToken token, string what) =>
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.Async, token.GetLocation(), what));
    }
}
