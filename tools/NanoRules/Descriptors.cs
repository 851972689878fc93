using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NanoRules
{
    /// <summary>
    /// Every rule the analyzer reports. IDs are stable: a rule that goes away leaves its ID unused, a new
    /// rule takes the next free one. All are build errors, because the device fails later and worse.
    /// </summary>
    internal static class Descriptors
    {
        private const string Category = "nanoFramework";

        public static readonly DiagnosticDescriptor GenericDeclaration = new DiagnosticDescriptor(
            "NF0001", "Generic declaration",
            "nanoFramework 1.x cannot run generics: {0} '{1}' declares type parameters; write a non-generic {0}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor GenericUse = new DiagnosticDescriptor(
            "NF0002", "Use of a generic type or method",
            "nanoFramework 1.x cannot run generics: {0}; {1}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor Async = new DiagnosticDescriptor(
            "NF0003", "async or await",
            "nanoFramework 1.x has no async/await: {0}; use a Thread, a Timer or an event with a delegate of our own",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor Linq = new DiagnosticDescriptor(
            "NF0004", "LINQ",
            "nanoFramework 1.x has no LINQ: {0}; write a loop",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor Span = new DiagnosticDescriptor(
            "NF0005", "Span, Memory or stackalloc",
            "nanoFramework 1.x has no Span<T>, ReadOnlySpan<T>, Memory<T> or stackalloc: {0}; use System.SpanByte, or a byte[] with an offset and a length",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor Record = new DiagnosticDescriptor(
            "NF0006", "Record",
            "nanoFramework 1.x cannot take records: '{0}' is a {1}; write a class or struct with explicit members",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor Tuple = new DiagnosticDescriptor(
            "NF0007", "Tuple",
            "nanoFramework 1.x has no System.ValueTuple: {0}; use out parameters or a struct of our own",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor NullableValueType = new DiagnosticDescriptor(
            "NF0008", "Nullable value type",
            "nanoFramework 1.x has no Nullable<T>: {0}; use the plain value with a separate flag or a sentinel value",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor Iterator = new DiagnosticDescriptor(
            "NF0009", "Iterator",
            "nanoFramework 1.x cannot take iterators: '{0}' makes this member an iterator; return an array or an ArrayList, or write an IEnumerator class",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor Decimal = new DiagnosticDescriptor(
            "NF0010", "decimal",
            "nanoFramework 1.x has no decimal: {0}; use int or long in fixed-point units, or double",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor Dynamic = new DiagnosticDescriptor(
            "NF0011", "dynamic",
            "nanoFramework 1.x has no dynamic binding: {0}; use object with casts, or an interface",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor MultidimensionalArray = new DiagnosticDescriptor(
            "NF0012", "Multidimensional array",
            "nanoFramework 1.x has only single-dimension arrays: {0}; use a jagged array (T[][]) or one array with computed indexes",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor Pointer = new DiagnosticDescriptor(
            "NF0013", "Pointer",
            "nanoFramework 1.x has no unmanaged pointers: {0}; use an array and an index",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor TooManyMethods = new DiagnosticDescriptor(
            "NF0014", "More than 255 methods in one type",
            "nanoFramework 1.x allows at most 255 methods per type: '{0}' has {1} (constructors, accessors and operators count); split it into several types",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor InitOnlySetter = new DiagnosticDescriptor(
            "NF0015", "Init-only setter",
            "nanoFramework 1.x cannot take init-only setters: '{0}' has an 'init' accessor; use 'set', or a get-only property set from the constructor",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor DefaultInterfaceMember = new DiagnosticDescriptor(
            "NF0016", "Default interface member",
            "nanoFramework 1.x cannot take default interface members: '{0}' has a body in interface '{1}'; declare it without a body and implement it in the classes",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor RangeOrIndex = new DiagnosticDescriptor(
            "NF0017", "Range or index from end",
            "nanoFramework 1.x has no System.Range or System.Index: '{0}' is {1}; use explicit indexes, Substring or Array.Copy",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor WithExpression = new DiagnosticDescriptor(
            "NF0018", "'with' expression",
            "nanoFramework 1.x cannot take 'with' expressions: '{0}' clones through a compiler-generated record copy method; copy the fields explicitly",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor NativeInteger = new DiagnosticDescriptor(
            "NF0019", "Native-sized integer",
            "nanoFramework 1.x has no native-sized integers: {0}; use int or uint",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor ExcludedType = new DiagnosticDescriptor(
            "NF0020", "Type left out of the device's mscorlib",
            "nanoFramework 1.x compiles but cannot load this: {0} is marked ExcludeType in its mscorlib, so the metadata processor leaves it out and the runtime fails to resolve it; use another type",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            GenericDeclaration, GenericUse, Async, Linq, Span, Record, Tuple, NullableValueType, Iterator, Decimal,
            Dynamic, MultidimensionalArray, Pointer, TooManyMethods, InitOnlySetter, DefaultInterfaceMember,
            RangeOrIndex, WithExpression, NativeInteger, ExcludedType);
    }
}
