using Microsoft.CodeAnalysis;

namespace NanoRules
{
    /// <summary>
    /// Decides which rule refuses a type, for the places where the type is not spelled in the syntax
    /// being looked at: a name that binds to a generic, a 'var', a foreach enumerator, a lambda's delegate.
    /// </summary>
    internal sealed class TypeClassifier
    {
        private static readonly SymbolDisplayFormat Format = SymbolDisplayFormat.CSharpErrorMessageFormat
            .RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private readonly INamedTypeSymbol?[] spanTypes;

        public TypeClassifier(Compilation compilation)
        {
            spanTypes = new[]
            {
                compilation.GetTypeByMetadataName("System.Span`1"),
                compilation.GetTypeByMetadataName("System.ReadOnlySpan`1"),
                compilation.GetTypeByMetadataName("System.Memory`1"),
                compilation.GetTypeByMetadataName("System.ReadOnlyMemory`1"),
            };
        }

        /// <summary>The diagnostic for the part of <paramref name="type"/> the runtime cannot take, or null if it can.</summary>
        /// <param name="via">How the type reaches <paramref name="location"/> ("'var' here uses"); null when it is written there.</param>
        public Diagnostic? Check(ITypeSymbol type, Location location, string? via = null)
        {
            switch (type)
            {
                case IArrayTypeSymbol array when array.Rank == 1:
                    return Check(array.ElementType, location, via);
                case IArrayTypeSymbol array:
                    return Refuse(Descriptors.MultidimensionalArray, array, "a multidimensional array type");
                case IPointerTypeSymbol _:
                case IFunctionPointerTypeSymbol _:
                    return Refuse(Descriptors.Pointer, type, "a pointer type");
                case IDynamicTypeSymbol _:
                    return Refuse(Descriptors.Dynamic, type, "the dynamic type");
                case INamedTypeSymbol named:
                    return CheckNamed(named);
                default:
                    return null; // A type parameter: its generic declaration is refused already.
            }

            Diagnostic? CheckNamed(INamedTypeSymbol named)
            {
                if (named.IsAnonymousType)
                    return Refuse(Descriptors.GenericUse, named, "an anonymous type, which compiles to a generic class", "declare a class of our own");
                if (named.IsTupleType)
                    return Refuse(Descriptors.Tuple, named, "a tuple type");
                for (var t = named; t != null; t = t.ContainingType)
                {
                    if (t.TypeArguments.Length > 0)
                        return CheckGeneric(t);
                }

                if (named.SpecialType == SpecialType.System_Decimal)
                    return Refuse(Descriptors.Decimal, named, "the decimal type");
                if (named.IsNativeIntegerType)
                    return Refuse(Descriptors.NativeInteger, named, "a native-sized integer");
                return null;

                // 'generic' is 'named' itself or the generic type it is nested in (List<int>.Enumerator).
                Diagnostic CheckGeneric(INamedTypeSymbol generic)
                {
                    var definition = generic.OriginalDefinition;
                    if (definition.SpecialType == SpecialType.System_Nullable_T)
                        return Refuse(Descriptors.NullableValueType, named, "a nullable value type");
                    if (IsSpan(definition))
                        return Refuse(Descriptors.Span, named, "a span type");
                    return generic.TypeKind == TypeKind.Delegate
                        ? Refuse(Descriptors.GenericUse, named, "a generic delegate", "declare a non-generic delegate of our own")
                        : Refuse(Descriptors.GenericUse, named, "a generic type", "use ArrayList, Hashtable, an array or a class of our own");
                }
            }

            Diagnostic Refuse(DiagnosticDescriptor rule, ITypeSymbol shown, string noun, string? advice = null)
            {
                var text = shown.ToDisplayString(Format);
                var clause = via == null ? $"'{text}' is {noun}" : $"{via} '{text}', {noun}";
                return advice == null
                    ? Diagnostic.Create(rule, location, clause)
                    : Diagnostic.Create(rule, location, clause, advice);
            }
        }

        private bool IsSpan(INamedTypeSymbol definition)
        {
            foreach (var span in spanTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(span, definition))
                    return true;
            }

            return false;
        }
    }
}
