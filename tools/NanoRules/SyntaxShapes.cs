using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NanoRules
{
    /// <summary>Syntax questions several rules ask.</summary>
    internal static class SyntaxShapes
    {
        private const int ExcerptLength = 40;

        /// <summary>The node's text on one line, shortened to fit in a message.</summary>
        public static string Excerpt(SyntaxNode node)
        {
            var text = string.Join(" ", node.ToString().Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
            return text.Length <= ExcerptLength ? text : text.Substring(0, ExcerptLength - 3) + "...";
        }

        /// <summary>The simple name of the method an invocation or method group refers to: 'Foo' in a.Foo(1).</summary>
        public static SimpleNameSyntax? CalledName(SyntaxNode syntax)
        {
            var expression = syntax is InvocationExpressionSyntax invocation ? invocation.Expression : syntax;
            switch (expression)
            {
                case SimpleNameSyntax name:
                    return name;
                case MemberAccessExpressionSyntax access:
                    return access.Name;
                case MemberBindingExpressionSyntax binding:
                    return binding.Name;
                default:
                    return null;
            }
        }

        /// <summary>
        /// True when the type an expression converts to is written in its own declaration or statement: the
        /// declared type of the variable, field or property it initializes, a cast around it, or the return
        /// type of the member it is returned from.
        /// </summary>
        public static bool TargetTypeIsWrittenAt(SyntaxNode expression)
        {
            var parent = expression.Parent;
            while (parent is ParenthesizedExpressionSyntax)
                parent = parent.Parent;
            return parent is EqualsValueClauseSyntax || parent is CastExpressionSyntax ||
                parent is ArrowExpressionClauseSyntax || parent is ReturnStatementSyntax;
        }

        /// <summary>
        /// True when an initializer names or makes its own type, so a 'var' it initializes adds nothing the
        /// rules do not already report at the initializer: new X(), new X[n], (X)e, e as X, default(X), literals,
        /// tuple literals, anonymous objects, stackalloc, ?. access.
        /// </summary>
        public static bool InitializerShowsItsType(ExpressionSyntax initializer)
        {
            while (initializer is ParenthesizedExpressionSyntax parenthesized)
                initializer = parenthesized.Expression;
            switch (initializer.Kind())
            {
                case SyntaxKind.ObjectCreationExpression:
                case SyntaxKind.ArrayCreationExpression:
                case SyntaxKind.ImplicitArrayCreationExpression:
                case SyntaxKind.CastExpression:
                case SyntaxKind.AsExpression:
                case SyntaxKind.DefaultExpression:
                case SyntaxKind.NumericLiteralExpression:
                case SyntaxKind.TupleExpression:
                case SyntaxKind.AnonymousObjectCreationExpression:
                case SyntaxKind.StackAllocArrayCreationExpression:
                case SyntaxKind.ImplicitStackAllocArrayCreationExpression:
                case SyntaxKind.ConditionalAccessExpression:
                    return true;
                default:
                    return false;
            }
        }
    }
}
