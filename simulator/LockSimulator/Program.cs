using System;
using LockSimulator.Cli.Commands;

// The simulator's command line: this file only picks a command; each lives in Commands/.
string command = args.Length > 0 ? args[0] : "";
string[] rest = args.Length > 0 ? args[1..] : args;
switch (command)
{
    case "demo":
        return DemoCommand.Run(rest, Console.Out);
    case "selftest":
        return SelfTestCommand.Run(rest, Console.Out, Console.Error);
    case "audit":
        return AuditCommand.Run(rest, Console.Out);
    case "powercut":
        return PowerCutCommand.Run(rest, Console.Out, Console.Error);
    case "battery-life":
        return BatteryLifeCommand.Run(rest, Console.Out, Console.Error);
    case "serve":
        return LockSimulator.Server.ServeCommand.Run(rest, Console.Out, Console.Error);
    case "latency":
        return LatencyCommand.Run(rest, Console.Out, Console.Error);
    case "provision":
        return ProvisionCommand.Run(rest, Console.Out, Console.Error);
    case "" or "-h" or "--help":
        Console.WriteLine("usage: LockSimulator <command> [options]");
        Console.WriteLine($"  demo       {DemoCommand.Summary}");
        Console.WriteLine($"  selftest   {SelfTestCommand.Summary} (selftest --help)");
        Console.WriteLine($"  audit      {AuditCommand.Summary}");
        Console.WriteLine($"  powercut   {PowerCutCommand.Summary}");
        Console.WriteLine($"  serve      {LockSimulator.Server.ServeCommand.Summary}");
        Console.WriteLine($"  battery-life {BatteryLifeCommand.Summary}");
        Console.WriteLine($"  provision  {ProvisionCommand.Summary}");
        Console.WriteLine($"  latency    {LatencyCommand.Summary}");
        return command == "" ? 2 : 0;
    default:
        Console.Error.WriteLine($"unknown command '{command}' (try --help)");
        return 2;
}
