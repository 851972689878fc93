using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using LockFirmware.Benchmarks;
using LockFirmware.Benchmarks.NanoCost;

// --nano-cost: the allocation table of the unlock path; --device-time: its estimated device time; --quick: every benchmark once (CI);
// anything else goes to BenchmarkSwitcher (e.g. --filter '*').
if (args.Contains("--nano-cost"))
{
    return NanoCostReport.Run(Console.Out);
}

if (args.Contains("--path-probe"))
{
    return LockFirmware.Benchmarks.Probe.PathProbe.Run(Console.Out);
}

if (args.Contains("--device-time"))
{
    return DeviceTimeEstimate.Run(Console.Out);
}

bool quick = args.Contains("--quick");
string[] switcherArgs = args.Where(arg => arg != "--quick").ToArray();
if (quick && !switcherArgs.Contains("--filter"))
{
    switcherArgs = [.. switcherArgs, "--filter", "*"];
}

IEnumerable<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(switcherArgs, BenchmarkConfig.Create(quick)).ToList();
bool failed = (quick && !summaries.Any()) || summaries.Any(summary =>
    summary.HasCriticalValidationErrors
    || summary.Reports.Length < summary.BenchmarksCases.Length
    || summary.Reports.Any(report => !report.Success || report.ResultStatistics is null));
return failed ? 1 : 0;
