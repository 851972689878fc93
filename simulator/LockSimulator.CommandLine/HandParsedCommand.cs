using System;
using System.CommandLine;
using System.IO;

namespace LockSimulator.CommandLine;

/// <summary>
/// A command still written in the old style, <c>XCommand.Run(string[] args, TextWriter output[, TextWriter error])</c>
/// with its own parsing, registered in one line until it is converted: it gets every token after its
/// name unchanged (<c>--help</c> included) and its exit code is passed through.
/// </summary>
public sealed class HandParsedCommand : Command
{
    private readonly Argument<string[]> _args = new("args") { Arity = ArgumentArity.ZeroOrMore, CaptureRemainingTokens = true };
    private readonly Func<string[], TextWriter, TextWriter, int> _run;

    /// <summary>For a command whose <c>Run</c> takes the output and the error writer.</summary>
    public HandParsedCommand(string name, string summary, Func<string[], TextWriter, TextWriter, int> run)
        : base(name, summary)
    {
        _run = run;
        Arguments.Add(_args);
        SetAction(result => _run(result.GetValue(_args) ?? [], result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
    }

    /// <summary>For a command whose <c>Run</c> takes only the output writer.</summary>
    public HandParsedCommand(string name, string summary, Func<string[], TextWriter, int> run)
        : this(name, summary, (args, output, _) => run(args, output))
    {
    }

    internal int Run(string[] args, InvocationConfiguration streams) => _run(args, streams.Output, streams.Error);
}
