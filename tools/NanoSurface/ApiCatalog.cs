using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace NanoSurface;

/// <summary>All API files of one directory, and every type among them by full name.</summary>
internal sealed class ApiCatalog
{
    private readonly Dictionary<string, TypeModel> _types = new(StringComparer.Ordinal);
    private readonly HashSet<string> _namespaces = new(StringComparer.Ordinal);

    private ApiCatalog(IReadOnlyList<ApiFile> files)
    {
        Files = files;
        foreach (TypeModel type in files.SelectMany(f => f.Types))
        {
            _types[type.FullName] = type;
            for (string ns = type.Namespace; ns.Length > 0; ns = ns[..Math.Max(0, ns.LastIndexOf('.'))])
            {
                _namespaces.Add(ns);
            }
        }
    }

    public IReadOnlyList<ApiFile> Files { get; }

    public static ApiCatalog Load(IEnumerable<string> jsonPaths)
    {
        var files = new List<ApiFile>();
        foreach (string path in jsonPaths)
        {
            ApiFile? file;
            try
            {
                using FileStream stream = File.OpenRead(path);
                file = JsonSerializer.Deserialize(stream, ApiJsonContext.Default.ApiFile);
            }
            catch (JsonException e)
            {
                throw new SurfaceException($"{Path.GetFileName(path)}: not a valid API description: {e.Message}");
            }

            if (file is null || file.SchemaVersion != 1 || file.Assembly.Name.Length == 0)
            {
                throw new SurfaceException($"{Path.GetFileName(path)}: expected an API description with schemaVersion 1 and an assembly name.");
            }

            if (files.Any(f => f.Assembly.Name == file.Assembly.Name))
            {
                throw new SurfaceException($"{Path.GetFileName(path)}: assembly {file.Assembly.Name} is described twice.");
            }

            files.Add(file);
        }

        return new ApiCatalog(files);
    }

    /// <summary>The definition of a described type; generic arguments in the name are ignored.</summary>
    public TypeModel? Find(string typeName)
    {
        int args = typeName.IndexOf('<');
        return _types.GetValueOrDefault(args < 0 ? typeName : typeName[..args]);
    }

    public bool IsEnum(string typeName) => Find(typeName)?.Kind == "enum";

    /// <summary>Whether a dotted name is a described namespace or top-level type.</summary>
    public bool IsNamespaceOrType(string name) => _namespaces.Contains(name) || _types.ContainsKey(name);

    /// <summary>The files in an order where each comes after the files it references.</summary>
    public IReadOnlyList<ApiFile> InDependencyOrder()
    {
        Dictionary<string, ApiFile> byName = Files.ToDictionary(f => f.Assembly.Name, StringComparer.Ordinal);
        var ordered = new List<ApiFile>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done

        void Visit(ApiFile file)
        {
            if (state.TryGetValue(file.Assembly.Name, out bool done))
            {
                if (!done)
                {
                    throw new SurfaceException($"{file.Assembly.Name}: its references form a cycle.");
                }

                return;
            }

            state[file.Assembly.Name] = false;
            foreach (ReferenceInfo reference in file.References)
            {
                // A reference outside the set is one only the implementation needed, or the
                // compiler reports the missing types.
                if (byName.TryGetValue(reference.Name, out ApiFile? dependency))
                {
                    Visit(dependency);
                }
            }

            state[file.Assembly.Name] = true;
            ordered.Add(file);
        }

        foreach (ApiFile file in Files)
        {
            Visit(file);
        }

        return ordered;
    }
}
