using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace NanoSurface.Tests;

/// <summary>
/// Schema features the nanoFramework files do not use (yet), in a description of our own:
/// each must compile and read back as described.
/// </summary>
[Collection(SurfaceCollection.Name)]
public sealed class SchemaFeatureTests(GeneratedSurface surface)
{
    private const string Features = """
        {
          "schemaVersion": 1,
          "assembly": { "name": "Features", "version": "2.3.4.5", "culture": "neutral", "publicKey": "@KEY@" },
          "references": [ { "name": "mscorlib" } ],
          "types": [
            { "fullName": "Features.Box`1", "namespace": "Features", "name": "Box`1", "declaringType": null, "kind": "class",
              "accessibility": "public", "baseType": "System.Object", "interfaces": [ "Features.IProducer`1<System.Int32>" ],
              "genericParameters": [ { "name": "T", "constraints": [ "class", "new()" ] } ],
              "fields": [], "constructors": [ { "accessibility": "public", "parameters": [] } ],
              "methods": [
                { "name": "Convert", "accessibility": "public", "genericParameters": [ { "name": "U", "constraints": [ "struct" ] } ],
                  "returnType": "U", "parameters": [ { "name": "value", "type": "T" }, { "name": "all", "type": "T[,]" } ] },
                { "name": "Produce", "explicitInterface": "Features.IProducer`1<System.Int32>", "returnType": "System.Int32", "parameters": [] }
              ],
              "properties": [], "events": [] },
            { "fullName": "Features.Cell", "namespace": "Features", "name": "Cell", "declaringType": null, "kind": "struct",
              "accessibility": "public", "baseType": "System.ValueType", "hasNonPublicInstanceFields": true,
              "fields": [ { "name": "Tag", "type": "System.Int32", "accessibility": "public" } ], "constructors": [],
              "methods": [
                { "name": "Peek", "accessibility": "public", "readonly": true, "returnType": "System.Int32", "parameters": [ { "name": "at", "type": "System.Int32", "modifier": "in" } ] },
                { "name": "Slot", "accessibility": "public", "returnType": "System.Int32", "returnModifier": "ref", "parameters": [] },
                { "name": "op_Addition", "accessibility": "public", "modifiers": [ "static" ], "operator": true, "returnType": "Features.Cell",
                  "parameters": [ { "name": "a", "type": "Features.Cell" }, { "name": "b", "type": "Features.Cell" } ] },
                { "name": "op_Explicit", "accessibility": "public", "modifiers": [ "static" ], "operator": true, "returnType": "System.Int64",
                  "parameters": [ { "name": "cell", "type": "Features.Cell" } ] }
              ],
              "properties": [
                { "name": "Value", "accessibility": "public", "type": "System.Int32", "getter": { "accessibility": "public", "readonly": true },
                  "setter": { "accessibility": "public", "init": true } }
              ],
              "events": [] },
            { "fullName": "Features.Defaults", "namespace": "Features", "name": "Defaults", "declaringType": null, "kind": "class",
              "accessibility": "public", "modifiers": [ "static" ], "baseType": "System.Object",
              "fields": [
                { "name": "Big", "type": "System.Int64", "accessibility": "public", "modifiers": [ "const" ], "value": "-9223372036854775808" },
                { "name": "NegativeZero", "type": "System.Double", "accessibility": "public", "modifiers": [ "const" ], "value": "-0" },
                { "name": "Shared", "type": "System.Object", "accessibility": "public", "modifiers": [ "static", "readonly" ] }
              ],
              "constructors": [],
              "methods": [
                { "name": "Values", "accessibility": "public", "modifiers": [ "static" ], "returnType": "System.Void", "parameters": [
                  { "name": "nan", "type": "System.Double", "hasDefault": true, "default": "NaN" },
                  { "name": "low", "type": "System.Double", "hasDefault": true, "default": "-Infinity" },
                  { "name": "high", "type": "System.Single", "hasDefault": true, "default": "Infinity" },
                  { "name": "third", "type": "System.Single", "hasDefault": true, "default": 0.333333343 },
                  { "name": "letter", "type": "System.Char", "hasDefault": true, "default": "\"" },
                  { "name": "huge", "type": "System.UInt64", "hasDefault": true, "default": "18446744073709551615" },
                  { "name": "mode", "type": "Features.Mode", "hasDefault": true, "default": 2 },
                  { "name": "text", "type": "System.String", "hasDefault": true, "default": null },
                  { "name": "caller", "type": "System.String", "hasDefault": true, "default": "",
                    "attributes": [ { "type": "System.Runtime.CompilerServices.CallerMemberNameAttribute" } ] } ] },
                { "name": "Refs", "accessibility": "public", "modifiers": [ "static" ], "returnType": "System.Void", "parameters": [
                  { "name": "a", "type": "System.Int32", "modifier": "ref" }, { "name": "b", "type": "System.Int32", "modifier": "out" },
                  { "name": "pointer", "type": "System.Byte*" }, { "name": "rest", "type": "System.Object[]", "modifier": "params" } ] },
                { "name": "Twice", "accessibility": "public", "modifiers": [ "static" ], "extension": true, "returnType": "System.Int32",
                  "parameters": [ { "name": "value", "type": "System.Int32", "modifier": "this" } ] },
                { "name": "Trace", "accessibility": "public", "modifiers": [ "static" ], "returnType": "System.Void", "parameters": [],
                  "attributes": [ { "type": "System.Diagnostics.ConditionalAttribute", "arguments": [ { "type": "System.String", "value": "DEBUG" } ] },
                                  { "type": "System.ObsoleteAttribute", "arguments": [ { "type": "System.String", "value": "use \"Log\"" } ] } ] }
              ],
              "properties": [], "events": [] },
            { "fullName": "Features.Grid", "namespace": "Features", "name": "Grid", "declaringType": null, "kind": "class",
              "accessibility": "public", "modifiers": [ "abstract" ], "baseType": "System.Object",
              "attributes": [ { "type": "System.Reflection.DefaultMemberAttribute", "arguments": [ { "type": "System.String", "value": "Cells" } ] } ],
              "fields": [], "constructors": [ { "accessibility": "protected", "parameters": [ { "name": "size", "type": "System.Int32" } ] } ],
              "methods": [ { "name": "Finalize", "accessibility": "protected", "modifiers": [ "override" ], "returnType": "System.Void", "parameters": [] } ],
              "properties": [
                { "name": "Cells", "accessibility": "public", "type": "System.Object",
                  "indexerParameters": [ { "name": "row", "type": "System.Int32" }, { "name": "column", "type": "System.Int32" } ],
                  "getter": { "accessibility": "public" }, "setter": { "accessibility": "protected" } },
                { "name": "Size", "accessibility": "public", "modifiers": [ "abstract" ], "type": "System.Int32", "getter": { "accessibility": "public" }, "setter": null }
              ],
              "events": [ { "name": "Changed", "accessibility": "public", "modifiers": [ "abstract" ], "type": "System.EventHandler" } ] },
            { "fullName": "Features.Grid+Row", "namespace": "Features", "name": "Row", "declaringType": "Features.Grid", "kind": "class",
              "accessibility": "protected", "modifiers": [ "sealed" ], "baseType": "System.Object",
              "fields": [], "constructors": [], "methods": [], "properties": [], "events": [] },
            { "fullName": "Features.IProducer`1", "namespace": "Features", "name": "IProducer`1", "declaringType": null, "kind": "interface",
              "accessibility": "public", "baseType": null, "genericParameters": [ { "name": "T", "variance": "out" } ],
              "fields": [], "constructors": [],
              "methods": [ { "name": "Produce", "accessibility": "public", "modifiers": [ "abstract" ], "returnType": "T", "parameters": [] } ],
              "properties": [], "events": [] },
            { "fullName": "Features.Mode", "namespace": "Features", "name": "Mode", "declaringType": null, "kind": "enum",
              "accessibility": "public", "baseType": "System.Enum", "attributes": [ { "type": "System.FlagsAttribute" } ],
              "enumUnderlyingType": "System.UInt64",
              "enumMembers": [ { "name": "None", "value": 0 }, { "name": "Fast", "value": 2 }, { "name": "All", "value": "18446744073709551615" } ] },
            { "fullName": "Features.Span", "namespace": "Features", "name": "Span", "declaringType": null, "kind": "struct",
              "accessibility": "public", "modifiers": [ "readonly", "ref" ], "baseType": "System.ValueType",
              "hasNonPublicInstanceFields": true, "nonPublicInstanceFieldsContainReferences": true,
              "fields": [], "constructors": [], "methods": [], "properties": [], "events": [] },
            { "fullName": "Features.Transform`2", "namespace": "Features", "name": "Transform`2", "declaringType": null, "kind": "delegate",
              "accessibility": "public", "baseType": "System.MulticastDelegate",
              "genericParameters": [ { "name": "TIn", "variance": "in" }, { "name": "TOut", "variance": "out" } ],
              "delegateSignature": { "returnType": "TOut", "parameters": [ { "name": "input", "type": "TIn" } ] } }
          ]
        }
        """;

    [Fact]
    public void Every_feature_compiles_and_reads_back_as_described()
    {
        string api = Directory.CreateDirectory(Path.Combine(surface.Root, "features-api")).FullName;
        File.Copy(Path.Combine(surface.ApiDir, "mscorlib.json"), Path.Combine(api, "mscorlib.json"));
        string key = surface.Catalog.Files.Single(f => f.Assembly.Name == "mscorlib").Assembly.PublicKey;
        File.WriteAllText(Path.Combine(api, "Features.json"), Features.Replace("@KEY@", key));
        string outDir = Path.Combine(surface.Root, "features-out");
        string[] jsonPaths = Directory.GetFiles(api, "*.json");

        SurfaceGenerator.Generate(jsonPaths, outDir, sourceDir: null);

        ApiFile described = ApiCatalog.Load(jsonPaths).Files.Single(f => f.Assembly.Name == "Features");
        MetadataReference[] references = new[] { "mscorlib", "Features" }
            .Select(n => (MetadataReference)MetadataReference.CreateFromFile(Path.Combine(outDir, n + ".dll"))).ToArray();
        CSharpCompilation probe = CSharpCompilation.Create("probe", references: references);
        var assembly = (IAssemblySymbol)probe.GetAssemblyOrModuleSymbol(references[1])!;
        Assert.Equal("2.3.4.5", assembly.Identity.Version.ToString());
        Assert.All(described.Types, type => Assert.Equal(
            ApiDescription.FromJson(type),
            ApiDescription.FromSymbol(assembly.GetTypeByMetadataName(type.FullName)!)));
    }
}
