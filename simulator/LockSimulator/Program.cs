using System;
using LockSimulator.Cli.Commands;
using LockSimulator.CommandLine;

// The simulator's command line: this file only assembles the commands; each is defined in
// Commands/ (serve in the server). A command still parsed by hand joins as
// new HandParsedCommand("name", XCommand.Summary, XCommand.Run) until it is converted.
return SimulatorCommandLine.Run(
    SimulatorCommandLine.Root(
        DemoCommand.Build(),
        SelfTestCommand.Build(),
        AuditCommand.Build(),
        PowerCutCommand.Build(),
        LockSimulator.Server.ServeCommand.Build(),
        ProvisionCommand.Build(),
        LatencyCommand.Build(),
        new HandParsedCommand("battery-life", BatteryLifeCommand.Summary, BatteryLifeCommand.Run)),
    args,
    Console.Out,
    Console.Error);
