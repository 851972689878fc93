using System;
using LockSimulator.Cli.Commands;
using LockSimulator.CommandLine;

// The simulator's command line: this file only assembles the commands; each is defined in
// Commands/ (serve in the server) and joins here with one line (README: adding a command).
return SimulatorCommandLine.Run(
    SimulatorCommandLine.Root(
        DemoCommand.Build(),
        SelfTestCommand.Build(),
        AuditCommand.Build(),
        PowerCutCommand.Build(),
        LockSimulator.Server.ServeCommand.Build(),
        ProvisionCommand.Build(),
        LatencyCommand.Build(),
        BatteryLifeCommand.Build()),
    args,
    Console.Out,
    Console.Error);
