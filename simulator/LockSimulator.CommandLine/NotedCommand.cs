using System.CommandLine;

namespace LockSimulator.CommandLine;

/// <summary>A command whose help ends with notes the option list cannot carry: rules, syntax, exit codes.</summary>
public class NotedCommand : Command
{
    /// <summary>A command named <paramref name="name"/>; <paramref name="notes"/> end its help.</summary>
    public NotedCommand(string name, string description, string notes)
        : base(name, description)
    {
        Notes = notes;
    }

    /// <summary>Printed after the generated help, as written.</summary>
    public string Notes { get; }
}
