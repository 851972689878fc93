using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using LockSimulator.CommandLine;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.FleetDay;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server;

/// <summary>
/// <c>serve [--port N] [--seed S] [--listen ADDRESS --token-file FILE] [--allow-link-local-webhooks]</c>:
/// the simulator server until Ctrl+C, on 127.0.0.1 unless told otherwise.
/// <c>serve fleet [--locks N] [--visits V] [--hours H] [--seed S] [--first K] [--port-share N] [--quiet]</c>: a virtual day of a whole fleet, timed.
/// Exit 0 on success, 2 on bad arguments, 3 when the port is in use.
/// </summary>
public static class ServeCommand
{
    /// <summary>Exit code when the port is taken (another simulator server?).</summary>
    public const int PortInUse = 3;

    private const string ExitCodes = """
        Exit codes:
          0  stopped (Ctrl+C), or the fleet's day ran
          2  bad arguments, or an address beyond loopback without a bearer token
          3  the port is in use

        """;

    /// <summary>The <c>serve</c> command's definition, with <c>serve fleet</c> under it.</summary>
    public static Command Build()
    {
        Option<int> port = OptionKinds.WholeNumber("--port", "TCP port on the listening address (0: any free one)", ServerOptions.DefaultPort, 0, 65535);
        Option<int> seed = OptionKinds.WholeNumber("--seed", "seed of the simulated fleet", 1, int.MinValue);
        var listen = new Option<IPAddress>("--listen")
        {
            Description = "listen elsewhere than 127.0.0.1 (e.g. 0.0.0.0): only with --token-file",
            HelpName = "ADDRESS",
            CustomParser = Address,
        };
        Option<string> tokenFile = OptionKinds.Text("--token-file", "FILE", "every request needs Authorization: Bearer <token>, the token being the first line of FILE");
        var linkLocal = new Option<bool>("--allow-link-local-webhooks") { Description = "let webhooks reach 169.254.0.0/16 and fe80::/10 (cloud metadata)" };
        var command = new NotedCommand("serve", "the simulator server for integrators: HTTP JSON API, BLE and events over WebSocket, until Ctrl+C", ExitCodes)
        {
            port, seed, listen, tokenFile, linkLocal, Fleet(),
        };
        command.SetAction(result =>
        {
            try
            {
                var options = new ServerOptions
                {
                    Port = result.GetValue(port),
                    Seed = result.GetValue(seed),
                    Listen = result.GetValue(listen) ?? IPAddress.Loopback,
                    BearerToken = result.GetValue(tokenFile) is string file ? Token(file) : null,
                    AllowLinkLocalWebhooks = result.GetValue(linkLocal),
                };
                return Serve(options, result.InvocationConfiguration.Output).GetAwaiter().GetResult();
            }
            catch (PortInUseException e)
            {
                result.InvocationConfiguration.Error.WriteLine($"serve: {e.Message}");
                return PortInUse;
            }
            catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
            {
                return SimulatorCommandLine.Refuse(result, e);
            }
        });
        return command;
    }

    /// <summary>Runs <c>serve</c> with <paramref name="args"/> (the words after <c>serve</c>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => SimulatorCommandLine.RunAlone(Build(), args, output, error);

    private static Command Fleet()
    {
        var defaults = new FleetDayOptions();
        Option<int> locks = OptionKinds.WholeNumber("--locks", "locks in the fleet", defaults.Locks, 1, LockFleet.MaxLocks);
        Option<int> visits = OptionKinds.WholeNumber("--visits", "care visits per lock a day (an unlock and a lock each)", defaults.VisitsPerLock);
        Option<int> hours = OptionKinds.WholeNumber("--hours", "virtual hours to run", defaults.Hours, 1);
        Option<int> seed = OptionKinds.WholeNumber("--seed", "seed of the fleet's day", defaults.Seed, int.MinValue);
        Option<int> first = OptionKinds.WholeNumber("--first", "index of the first lock (a slice of a larger fleet: each lock's day depends only on the seed and its index)", defaults.FirstLock);
        Option<int> portShare = OptionKinds.WholeNumber("--port-share", "customers behind each building's port unit, opened on every visit before the door (0: door units only)", defaults.PortShare, 0, FleetPortUnits.MaxShare);
        var quiet = new Option<bool>("--quiet") { Description = "no progress lines (one per virtual hour on stderr)" };
        var command = new Command("fleet", "a virtual day of a whole fleet in one process, timed") { locks, visits, hours, seed, first, portShare, quiet };
        command.SetAction(result =>
        {
            try
            {
                var options = new FleetDayOptions
                {
                    Locks = result.GetValue(locks),
                    VisitsPerLock = result.GetValue(visits),
                    Hours = result.GetValue(hours),
                    Seed = result.GetValue(seed),
                    FirstLock = result.GetValue(first),
                    PortShare = result.GetValue(portShare),
                };
                result.InvocationConfiguration.Output.WriteLine(FleetDayRun.Run(options, result.GetValue(quiet) ? null : result.InvocationConfiguration.Error));
                return 0;
            }
            catch (ArgumentException e)
            {
                return SimulatorCommandLine.Refuse(result, e);
            }
        });
        return command;
    }

    private static async Task<int> Serve(ServerOptions options, TextWriter output)
    {
        await using RunningServer server = await SimulatorServer.StartAsync(options);
        string exposure = IPAddress.IsLoopback(options.Listen) ? "loopback only" : "REACHABLE FROM THE NETWORK";
        string token = options.BearerToken == null ? "" : ", every request needs its bearer token";
        output.WriteLine($"Lock simulator server listening on {server.BaseAddress} ({exposure}{token}; seed {server.Seed}); " +
                         $"OpenAPI at {server.BaseAddress}openapi/v1.json; Ctrl+C to stop");
        output.Flush();
        await server.WaitForShutdownAsync();
        return 0;
    }

    private static IPAddress Address(ArgumentResult result)
    {
        string text = result.Tokens[0].Value;
        if (IPAddress.TryParse(text, out IPAddress? address))
        {
            return address;
        }

        result.AddError($"--listen takes an IP address (e.g. 0.0.0.0), not '{text}'");
        return IPAddress.Loopback;
    }

    /// <summary>The bearer token: the first line of the file, trimmed ("" for an empty file, which the server refuses as too short).</summary>
    private static string Token(string file) => File.ReadAllLines(file) is [string first, ..] ? first.Trim() : "";
}
