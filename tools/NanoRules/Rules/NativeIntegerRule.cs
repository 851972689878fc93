using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NanoRules.Rules
{
    /// <summary>
    /// NF0019: C# 9's nint/nuint. We refuse them because we judge they break the 1.x toolchain: they put
    /// 'native int' (ELEMENT_TYPE_I/U) into signatures and make the compiler emit its own
    /// NativeIntegerAttribute type, while nanoFramework's System.IntPtr is an empty placeholder struct and
    /// the nanoCLR type system has no native-sized integer (its interpreter folds conv.i to 32 bits).
    /// On a 32-bit MCU int and uint say the same thing without that risk.
    /// </summary>
    internal static class NativeIntegerRule
    {
        public static void Register(CompilationStartAnalysisContext context) =>
            context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.IdentifierName);

        private static void Analyze(SyntaxNodeAnalysisContext context)
        {
            var name = (IdentifierNameSyntax)context.Node;
            var text = name.Identifier.ValueText;
            if ((text == "nint" || text == "nuint") && !name.IsPartOfStructuredTrivia() &&
                context.SemanticModel.GetSymbolInfo(name, context.CancellationToken).Symbol is ITypeSymbol { IsNativeIntegerType: true })
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.NativeInteger, name.GetLocation(), $"'{text}' is a native-sized integer"));
            }
        }
    }
}
