using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using LockSimulator.Server.FleetDay;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server;

/// <summary>
/// <c>serve [--port N] [--seed S] [--listen ADDRESS --token-file FILE] [--allow-link-local-webhooks]</c>:
/// the simulator server until Ctrl+C, on 127.0.0.1 unless told otherwise.
/// <c>serve fleet [--locks N] [--visits V] [--hours H] [--seed S]</c>: a virtual day of a whole fleet, timed.
/// Exit 0 on success, 2 on bad arguments, 3 when the port is in use.
/// </summary>
public static class ServeCommand
{
    public const string Summary = "the simulator server for integrators: HTTP JSON API, BLE and events over WebSocket (serve --help)";

    public const string Usage =
        "serve [--port N] [--seed S]                                   server on 127.0.0.1 (default port 8471), Ctrl+C to stop\n" +
        "             [--listen ADDRESS --token-file FILE]             listen elsewhere (e.g. 0.0.0.0): only with a bearer token (first line of FILE)\n" +
        "             [--token-file FILE]                              on loopback too: every request needs Authorization: Bearer <token>\n" +
        "             [--allow-link-local-webhooks]                    let webhooks reach 169.254.0.0/16 and fe80::/10 (cloud metadata)\n" +
        "       serve fleet [--locks N] [--visits V] [--hours H] [--seed S]  a virtual day of N locks (default 10 000), timed\n" +
        "exit codes: 0 stopped, 2 bad arguments, 3 port in use";

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
        catch (PortInUseException e)
        {
            error.WriteLine($"serve: {e.Message}");
            return 3;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or IOException)
        {
            error.WriteLine($"serve: {e.Message}");
            error.WriteLine("usage: " + Usage);
            return 2;
        }
    }

    /// <summary>The options a command line asks for; refuses a non-loopback address without a token before anything listens.</summary>
    public static ServerOptions Options(string[] args)
    {
        Dictionary<string, string> values = Parse(args, ["--port", "--seed", "--listen", "--token-file"], ["--allow-link-local-webhooks"]);
        int port = Int(values, "--port", ServerOptions.DefaultPort);
        if (port is < 0 or > 65535)
        {
            throw new ArgumentException("--port must be 0 … 65535");
        }

        IPAddress listen = IPAddress.Loopback;
        if (values.TryGetValue("--listen", out string? address) && !IPAddress.TryParse(address, out listen!))
        {
            throw new ArgumentException($"--listen takes an IP address (e.g. 0.0.0.0), not '{address}'");
        }

        string? token = null;
        if (values.TryGetValue("--token-file", out string? file))
        {
            token = File.ReadAllLines(file) is [string first, ..] ? first.Trim() : "";
        }

        return new ServerOptions
        {
            Port = port,
            Seed = Int(values, "--seed", 1),
            Listen = listen,
            BearerToken = token,
            AllowLinkLocalWebhooks = values.ContainsKey("--allow-link-local-webhooks"),
        };
    }

    private static async Task<int> Serve(string[] args, TextWriter output)
    {
        ServerOptions options = Options(args);
        await using RunningServer server = await SimulatorServer.StartAsync(options);
        string exposure = IPAddress.IsLoopback(options.Listen) ? "loopback only" : "REACHABLE FROM THE NETWORK";
        string token = options.BearerToken == null ? "" : ", every request needs its bearer token";
        output.WriteLine($"Lock simulator server listening on {server.BaseAddress} ({exposure}{token}; seed {server.Seed}); " +
                         $"OpenAPI at {server.BaseAddress}openapi/v1.json; Ctrl+C to stop");
        output.Flush();
        await server.WaitForShutdownAsync();
        return 0;
    }

    private static int Fleet(string[] args, TextWriter output)
    {
        Dictionary<string, string> values = Parse(args, ["--locks", "--visits", "--hours", "--seed"], []);
        var defaults = new FleetDayOptions();
        var options = new FleetDayOptions
        {
            Locks = Int(values, "--locks", defaults.Locks),
            VisitsPerLock = Int(values, "--visits", defaults.VisitsPerLock),
            Hours = Int(values, "--hours", defaults.Hours),
            Seed = Int(values, "--seed", defaults.Seed),
        };
        output.WriteLine(FleetDayRun.Run(options));
        return 0;
    }

    private static int Int(Dictionary<string, string> values, string name, int fallback) =>
        values.TryGetValue(name, out string? text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Options with a value and flags, each at most once; anything else is a usage error.</summary>
    private static Dictionary<string, string> Parse(string[] args, string[] withValue, string[] flags)
    {
        var values = new Dictionary<string, string>();
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            string value;
            if (Array.IndexOf(flags, name) >= 0)
            {
                value = "";
            }
            else if (Array.IndexOf(withValue, name) >= 0)
            {
                if (++i >= args.Length)
                {
                    throw new ArgumentException($"{name} needs a value");
                }

                value = args[i];
            }
            else
            {
                throw new ArgumentException($"unknown option '{name}'");
            }

            if (!values.TryAdd(name, value))
            {
                throw new ArgumentException($"{name} given twice");
            }
        }

        return values;
    }
}
