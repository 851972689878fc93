using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace LockSimulator.CommandLine;

/// <summary>
/// <c>--help</c> for every command: the generated help, then a <see cref="NotedCommand"/>'s notes.
/// </summary>
internal sealed class HelpWithNotes : SynchronousCommandLineAction
{
    private readonly HelpAction _generated;

    public HelpWithNotes(HelpAction generated)
    {
        _generated = generated;
        // Wide enough that an option's syntax or default is never broken across lines.
        _generated.MaxWidth = 120;
    }

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        Command command = parseResult.CommandResult.Command;
        int exit = _generated.Invoke(parseResult);
        if (command is NotedCommand noted)
        {
            parseResult.InvocationConfiguration.Output.Write(noted.Notes);
        }

        return exit;
    }
}
