using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NanoRules.Rules;

namespace NanoRules
{
    /// <summary>
    /// Refuses, at build time, the C# that compiles against nanoFramework's reference assemblies but that
    /// the 1.x runtime or its metadata processor cannot take. Each rule family lives in Rules/.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NanoRulesAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var types = new TypeClassifier(start.Compilation);
                GenericDeclarationRule.Register(start);
                GenericUseRule.Register(start, types);
                ImplicitTypeRule.Register(start, types);
                AsyncRule.Register(start);
                LinqRule.Register(start);
                StackallocRule.Register(start);
                RecordRule.Register(start);
                TupleRule.Register(start);
                NullableValueTypeRule.Register(start, types);
                IteratorRule.Register(start);
                DecimalRule.Register(start);
                DynamicRule.Register(start);
                MultidimensionalArrayRule.Register(start);
                PointerRule.Register(start);
                MethodCountRule.Register(start);
                InitOnlySetterRule.Register(start);
                DefaultInterfaceMemberRule.Register(start);
                RangeIndexRule.Register(start);
                WithExpressionRule.Register(start);
                NativeIntegerRule.Register(start);
                ExcludedTypeRule.Register(start);
            });
        }
    }
}
