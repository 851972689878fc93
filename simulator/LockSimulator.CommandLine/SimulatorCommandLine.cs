using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;

namespace LockSimulator.CommandLine;

/// <summary>
/// Assembles commands under the simulator's root and runs a command line the same way for every
/// command: help from the definitions (plus each command's notes), and any usage error as one
/// line on stderr with exit code <see cref="UsageError"/>.
/// </summary>
public static class SimulatorCommandLine
{
    /// <summary>The executable's name in help and error lines.</summary>
    public const string Name = "LockSimulator";

    /// <summary>Exit code for arguments a command cannot run with (the self-test's "unusable" too).</summary>
    public const int UsageError = 2;

    /// <summary>The root command holding <paramref name="commands"/>; with no command it prints the help and exits 2.</summary>
    public static Command Root(params Command[] commands)
    {
        // A plain Command rather than RootCommand, whose name would be the host's (testhost under xunit).
        var root = new Command(Name, "A simulated home-care smart lock: demos, QA's self-test judge, proofs and the integrators' server.");
        var help = new HelpOption();
        var helpWithNotes = new HelpWithNotes((HelpAction)help.Action!);
        help.Action = helpWithNotes;
        root.Options.Add(help);
        foreach (Command command in commands)
        {
            root.Subcommands.Add(command);
        }

        root.SetAction(result =>
        {
            helpWithNotes.Invoke(result);
            return UsageError;
        });
        return root;
    }

    /// <summary>Parses <paramref name="args"/> against <paramref name="root"/> and runs the command it names.</summary>
    public static int Run(Command root, string[] args, TextWriter output, TextWriter error)
    {
        // Words are taken literally: no @file response files (a serial or a path may start with @).
        ParseResult result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Action is ParseErrorAction)
        {
            return Refuse(result.CommandResult, result.Errors[0].Message, error);
        }

        return result.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    /// <summary>Runs one command on its own, as if named on the simulator's command line: the entry point tests call.</summary>
    public static int RunAlone(Command command, string[] args, TextWriter output, TextWriter error) =>
        Run(Root(command), [command.Name, .. args], output, error);

    /// <summary>
    /// Refuses the command line with one line on stderr, in the command's name, and exit 2:
    /// "selftest: --battery needs a value (see: LockSimulator selftest --help)". For the checks a
    /// command can only make when it runs (a serial too long for the unit, an unreadable file).
    /// </summary>
    public static int Refuse(ParseResult result, string message) =>
        Refuse(result.CommandResult, message, result.InvocationConfiguration.Error);

    /// <summary>As <see cref="Refuse(ParseResult, string)"/> with the exception's message, less the parameter name .NET appends to it.</summary>
    public static int Refuse(ParseResult result, System.Exception e) =>
        Refuse(result, e is System.ArgumentException { ParamName: string name } ? e.Message.Replace($" (Parameter '{name}')", "") : e.Message);

    private static int Refuse(CommandResult at, string message, TextWriter error)
    {
        string path = CommandPath(at);
        // System.CommandLine's messages are sentences, some over several lines; ours are clauses.
        message = string.Join(' ', message.Split(['\r', '\n', '\t'], System.StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        message = char.ToLowerInvariant(message[0]) + message[1..];
        string command = path.Length == 0 ? Name : $"{Name} {path}";
        error.WriteLine($"{(path.Length == 0 ? Name : path)}: {message} (see: {command} --help)");
        return UsageError;
    }

    /// <summary>The subcommand names from the root down ("serve fleet"), empty for the root.</summary>
    private static string CommandPath(CommandResult command)
    {
        string path = "";
        for (var at = command; at.Parent is CommandResult parent; at = parent)
        {
            path = path.Length == 0 ? at.Command.Name : $"{at.Command.Name} {path}";
        }

        return path;
    }
}
