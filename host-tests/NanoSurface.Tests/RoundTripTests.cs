using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace NanoSurface.Tests;

/// <summary>The generated assemblies, read back, say what the JSON says.</summary>
[Collection(SurfaceCollection.Name)]
public sealed class RoundTripTests(GeneratedSurface surface)
{
    public static TheoryData<string> AssemblyNames { get; } =
    [
        "mscorlib", "nanoFramework.Runtime.Events", "nanoFramework.Runtime.Native", "nanoFramework.System.Collections",
        "nanoFramework.System.Text", "System.Math", "nanoFramework.System.Security.Cryptography", "System.Device.Adc",
        "System.Device.Pwm", "System.Device.Gpio", "System.IO.Streams", "System.IO.FileSystem",
        "nanoFramework.Hardware.Esp32", "nanoFramework.Device.Bluetooth", "nanoFramework.TestFramework",
    ];

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void Identity_is_the_described_one_with_the_nanoFramework_key(string name)
    {
        AssemblyInfo described = File(name).Assembly;
        using PEReader pe = new(System.IO.File.OpenRead(surface.DllPath(name)));
        MetadataReader reader = pe.GetMetadataReader();
        AssemblyName identity = reader.GetAssemblyDefinition().GetAssemblyName();

        Assert.Equal(name, identity.Name);
        Assert.Equal(Version.Parse(described.Version), identity.Version);
        Assert.Equal("", identity.CultureName);
        Assert.Equal("c07d481e9758c731", Convert.ToHexStringLower(identity.GetPublicKeyToken()!));
    }

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void References_are_generated_assemblies_with_their_identity(string name)
    {
        using PEReader pe = new(System.IO.File.OpenRead(surface.DllPath(name)));
        MetadataReader reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h).GetAssemblyName()).ToList();

        if (name == "mscorlib")
        {
            Assert.Empty(references); // the core library stands alone
        }

        Assert.All(references, r =>
        {
            AssemblyInfo target = File(r.Name!).Assembly;
            Assert.Equal(Version.Parse(target.Version), r.Version);
            Assert.Equal("c07d481e9758c731", Convert.ToHexStringLower(r.GetPublicKeyToken()!));
            Assert.Contains(File(name).References, listed => listed.Name == r.Name);
        });
    }

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void Public_types_are_exactly_the_described_ones(string name)
    {
        using PEReader pe = new(System.IO.File.OpenRead(surface.DllPath(name)));
        MetadataReader reader = pe.GetMetadataReader();
        var visible = new List<string>();
        foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            if (IsVisible(reader, type))
            {
                visible.Add(FullName(reader, type));
            }
        }

        Assert.Equal(File(name).Types.Select(t => t.FullName).Order(StringComparer.Ordinal), visible.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void Every_type_and_member_reads_back_as_described(string name)
    {
        CSharpCompilation probe = CSharpCompilation.Create("probe", references: surface.References.Values);
        var assembly = (IAssemblySymbol)probe.GetAssemblyOrModuleSymbol(surface.References[name])!;
        var mismatches = new List<string>();
        foreach (TypeModel type in File(name).Types)
        {
            INamedTypeSymbol? symbol = assembly.GetTypeByMetadataName(type.FullName);
            List<string> expected = ApiDescription.FromJson(type);
            List<string> actual = symbol is null ? ["(missing)"] : ApiDescription.FromSymbol(symbol);
            if (!expected.SequenceEqual(actual))
            {
                mismatches.Add($"{type.FullName}:\n  expected only: {string.Join("\n                 ", expected.Except(actual))}"
                    + $"\n  actual only:   {string.Join("\n                 ", actual.Except(expected))}"
                    + (expected.Order().SequenceEqual(actual.Order()) ? "\n  (same lines, other order)" : ""));
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Theory]
    [InlineData("mscorlib", "System.String")] // indexer named Chars
    [InlineData("mscorlib", "System.Array")] // explicit interface implementations
    [InlineData("mscorlib", "System.Double")] // NaN and infinities as constants
    [InlineData("System.Device.Gpio", "System.Device.Gpio.PinValue")] // operators, readonly struct
    [InlineData("nanoFramework.Device.Bluetooth", "nanoFramework.Device.Bluetooth.GenericAttributeProfile.GattLocalCharacteristic")] // events
    public void Member_counts_of_sample_types_match(string assemblyName, string typeName)
    {
        TypeModel described = File(assemblyName).Types.Single(t => t.FullName == typeName);
        CSharpCompilation probe = CSharpCompilation.Create("probe", references: surface.References.Values);
        var assembly = (IAssemblySymbol)probe.GetAssemblyOrModuleSymbol(surface.References[assemblyName])!;
        ISymbol[] members = assembly.GetTypeByMetadataName(typeName)!.GetMembers()
            .Where(m => m.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected && !m.IsImplicitlyDeclared
                || m is IMethodSymbol { MethodKind: MethodKind.ExplicitInterfaceImplementation } method && !ApiDescription.ImplementsAccessor(method)
                || m is IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 })
            .ToArray();
        IMethodSymbol[] methods = members.OfType<IMethodSymbol>().ToArray();

        Assert.Equal(described.Fields.Count, members.OfType<IFieldSymbol>().Count());
        Assert.Equal(described.Constructors.Count, methods.Count(m => m.MethodKind == MethodKind.Constructor));
        Assert.Equal(described.Methods.Count, methods.Count(m => m.MethodKind is MethodKind.Ordinary or MethodKind.UserDefinedOperator
            or MethodKind.Conversion or MethodKind.Destructor or MethodKind.ExplicitInterfaceImplementation));
        Assert.Equal(described.Properties.Count, members.OfType<IPropertySymbol>().Count());
        Assert.Equal(described.Events.Count, members.OfType<IEventSymbol>().Count());
    }

    [Fact]
    public void A_class_without_listed_constructors_cannot_be_created_or_derived_from_outside()
    {
        string source = """
            class Sink : nanoFramework.Runtime.Events.EventSink { }
            class Use { object Make() => new System.Device.Gpio.GpioPin(); }
            """;

        IReadOnlyList<Diagnostic> errors = surface.CompileAgainstSurface(source);

        // The internal constructors are not even imported: "no constructor that takes 0 arguments".
        Assert.Equal(2, errors.Count(e => e.Id == "CS1729"));
    }

    private ApiFile File(string assemblyName) => surface.Catalog.Files.Single(f => f.Assembly.Name == assemblyName);

    private static bool IsVisible(MetadataReader reader, TypeDefinition type)
    {
        TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
        if (visibility is TypeAttributes.Public)
        {
            return true;
        }

        return visibility is TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem
            && IsVisible(reader, reader.GetTypeDefinition(type.GetDeclaringType()));
    }

    private static string FullName(MetadataReader reader, TypeDefinition type)
    {
        string name = reader.GetString(type.Name);
        TypeDefinitionHandle declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return FullName(reader, reader.GetTypeDefinition(declaring)) + "+" + name;
        }

        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
