using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0002 (and, through <see cref="TypeClassifier"/>, the rules owning Span, Nullable and ValueTuple):
    /// every use of a generic type or method, spelled or inferred. Constructed generics become TypeSpecs and
    /// MethodSpecs in metadata, which neither the 1.x metadata processor nor the runtime knows; the generic
    /// delegates nanoFramework's mscorlib declares (Action&lt;T&gt;, Func&lt;..&gt;, EventHandler&lt;T&gt;)
    /// compile and then fail on the device.
    /// </summary>
    internal static class GenericUseRule
    {
        private const string MethodAdvice = "call or write a non-generic method";

        private static readonly SymbolDisplayFormat MethodFormat = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            memberOptions: SymbolDisplayMemberOptions.IncludeContainingType,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

        public static void Register(CompilationStartAnalysisContext context, TypeClassifier types)
        {
            context.RegisterSyntaxNodeAction(c => AnalyzeGenericName(c, types), SyntaxKind.GenericName);
            context.RegisterOperationAction(AnalyzeMethodUse, OperationKind.Invocation, OperationKind.MethodReference);
            context.RegisterOperationAction(c => AnalyzeDelegateCreation(c, types), OperationKind.DelegateCreation);
            context.RegisterOperationAction(c => AnalyzeTargetTypedNew(c, types), OperationKind.ObjectCreation);
            context.RegisterSyntaxNodeAction(c => AnalyzeForEach(c, types), SyntaxKind.ForEachStatement, SyntaxKind.ForEachVariableStatement);
            context.RegisterSyntaxNodeAction(AnalyzeAnonymousObject, SyntaxKind.AnonymousObjectCreationExpression);
        }

        /// <summary>A generic written out: List&lt;int&gt;, Action&lt;int&gt;, Array.Empty&lt;int&gt;().</summary>
        private static void AnalyzeGenericName(SyntaxNodeAnalysisContext context, TypeClassifier types)
        {
            var name = (GenericNameSyntax)context.Node;
            if (name.IsPartOfStructuredTrivia())
                return; // A cref in a doc comment names a type without using it.

            switch (context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol)
            {
                case ITypeSymbol type:
                    context.ReportIfAny(types.Check(type, name.GetLocation()));
                    break;
                case IMethodSymbol method when !LinqRule.IsLinq(method):
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.GenericUse, name.GetLocation(),
                        $"'{method.ToDisplayString(MethodFormat)}' is a generic method", MethodAdvice));
                    break;
                case null:
                    // Not even declared in nanoFramework's libraries (List<T>, Dictionary<K,V>):
                    // the compiler already says the type is missing; this says why it must stay so.
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.GenericUse, name.GetLocation(),
                        $"'{name}' is a generic type", "use ArrayList, Hashtable, an array or a class of our own"));
                    break;
            }
        }

        /// <summary>A generic method whose type arguments the compiler inferred: Array.IndexOf(items, item).</summary>
        private static void AnalyzeMethodUse(OperationAnalysisContext context)
        {
            var operation = context.Operation;
            var method = operation is IInvocationOperation invocation
                ? invocation.TargetMethod
                : ((IMethodReferenceOperation)operation).Method;
            if (operation.IsImplicit || !method.IsGenericMethod || LinqRule.IsLinq(method))
                return;

            var name = SyntaxShapes.CalledName(operation.Syntax);
            if (name == null || name is GenericNameSyntax)
                return; // Spelled type arguments are reported by AnalyzeGenericName.

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.GenericUse, name.GetLocation(),
                $"'{method.ToDisplayString(MethodFormat)}' is a generic method (type arguments inferred)", MethodAdvice));
        }

        /// <summary>
        /// A lambda or method group turned into a generic delegate whose type is not written beside it.
        /// (Query clauses also become delegates; the query expression is reported as LINQ.)
        /// </summary>
        private static void AnalyzeDelegateCreation(OperationAnalysisContext context, TypeClassifier types)
        {
            var operation = (IDelegateCreationOperation)context.Operation;
            var syntax = operation.Syntax;
            var isLambda = syntax is AnonymousFunctionExpressionSyntax;
            if (operation.Type == null || !(isLambda || operation.Target is IMethodReferenceOperation) ||
                syntax is ObjectCreationExpressionSyntax || SyntaxShapes.TargetTypeIsWrittenAt(syntax))
            {
                return;
            }

            var what = isLambda ? "this lambda becomes" : "this method group becomes";
            context.ReportIfAny(types.Check(operation.Type, syntax.GetLocation(), what));
        }

        /// <summary>C# 9's target-typed 'new()' creating a generic, e.g. an argument of type List&lt;int&gt;.</summary>
        private static void AnalyzeTargetTypedNew(OperationAnalysisContext context, TypeClassifier types)
        {
            var operation = context.Operation;
            if (operation.Syntax is ImplicitObjectCreationExpressionSyntax && operation.Type != null)
                context.ReportIfAny(types.Check(operation.Type, operation.Syntax.GetLocation(), "this 'new()' creates"));
        }

        /// <summary>A foreach over a collection whose GetEnumerator returns a generic enumerator.</summary>
        private static void AnalyzeForEach(SyntaxNodeAnalysisContext context, TypeClassifier types)
        {
            var loop = (CommonForEachStatementSyntax)context.Node;
            var enumerator = context.SemanticModel.GetForEachStatementInfo(loop).GetEnumeratorMethod?.ReturnType;
            if (enumerator != null)
                context.ReportIfAny(types.Check(enumerator, loop.ForEachKeyword.GetLocation(), "this foreach enumerates through"));
        }

        private static void AnalyzeAnonymousObject(SyntaxNodeAnalysisContext context)
        {
            var creation = (AnonymousObjectCreationExpressionSyntax)context.Node;
            var location = Location.Create(creation.SyntaxTree, creation.NewKeyword.Span);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.GenericUse, location,
                "'new { ... }' is an anonymous type, which compiles to a generic class", "declare a class of our own"));
        }
    }
}
