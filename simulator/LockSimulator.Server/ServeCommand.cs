using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;
using LockSimulator.Server.FleetDay;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server;

/// <summary>
/// <c>serve [--port N] [--seed S]</c>: the simulator server on 127.0.0.1 until Ctrl+C.
/// <c>serve fleet [--locks N] [--visits V] [--hours H] [--seed S]</c>: a virtual day of a whole fleet, timed.
/// Exit 0 on success, 2 on bad arguments or a port in use.
/// </summary>
public static class ServeCommand
{
    public const string Summary = "the simulator server for integrators: HTTP JSON API, BLE and events over WebSocket (serve --help)";

    public const string Usage =
        "serve [--port N] [--seed S]                                   server on 127.0.0.1 (default port 8471), Ctrl+C to stop\n" +
        "       serve fleet [--locks N] [--visits V] [--hours H] [--seed S]  a virtual day of N locks (default 10 000), timed";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args is ["-h" or "--help"])
        {
            output.WriteLine("usage: " + Usage);
            return 0;
        }

        try
        {
            return args is ["fleet", .. var rest] ? Fleet(rest, output) : Serve(args, output).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            error.WriteLine($"serve: {e.Message}");
            error.WriteLine("usage: " + Usage);
            return 2;
        }
        catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"serve: {e.Message}");
            return 2;
        }
    }

    private static async Task<int> Serve(string[] args, TextWriter output)
    {
        Dictionary<string, int> values = Parse(args, "--port", "--seed");
        var options = new ServerOptions
        {
            Port = values.GetValueOrDefault("--port", ServerOptions.DefaultPort),
            Seed = values.GetValueOrDefault("--seed", 1),
        };
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException("--port must be 0 … 65535");
        }

        await using RunningServer server = await SimulatorServer.StartAsync(options);
        output.WriteLine($"Lock simulator server on {server.BaseAddress} (seed {server.Seed}); OpenAPI at {server.BaseAddress}openapi/v1.json; Ctrl+C to stop");
        output.Flush();
        await server.WaitForShutdownAsync();
        return 0;
    }

    private static int Fleet(string[] args, TextWriter output)
    {
        Dictionary<string, int> values = Parse(args, "--locks", "--visits", "--hours", "--seed");
        var defaults = new FleetDayOptions();
        var options = new FleetDayOptions
        {
            Locks = values.GetValueOrDefault("--locks", defaults.Locks),
            VisitsPerLock = values.GetValueOrDefault("--visits", defaults.VisitsPerLock),
            Hours = values.GetValueOrDefault("--hours", defaults.Hours),
            Seed = values.GetValueOrDefault("--seed", defaults.Seed),
        };
        output.WriteLine(FleetDayRun.Run(options));
        return 0;
    }

    /// <summary>Integer options, each at most once; anything else is a usage error.</summary>
    private static Dictionary<string, int> Parse(string[] args, params string[] known)
    {
        var values = new Dictionary<string, int>();
        for (int i = 0; i < args.Length; i += 2)
        {
            if (Array.IndexOf(known, args[i]) < 0)
            {
                throw new ArgumentException($"unknown option '{args[i]}'");
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{args[i]} needs a value");
            }

            if (!values.TryAdd(args[i], int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture)))
            {
                throw new ArgumentException($"{args[i]} given twice");
            }
        }

        return values;
    }
}
