using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using LockSimulator.Client;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Server.Tests;

/// <summary>Webhook uploads a receiver can trust: a length, a signature of the exact body, retries, counters per URL.</summary>
public class WebhookTests
{
    [Fact]
    public async Task Uploads_carry_a_length_and_an_hmac_of_the_body_and_are_retried_after_a_failure()
    {
        await using WebhookSink sink = await WebhookSink.StartAsync();
        await using TestServer server = await TestServer.StartAsync();
        WebhookView set = await server.Client.SetWebhookAsync(sink.Url, secret: "integrator-shared-secret");
        Assert.Equal(("integrator-shared-secret", "X-Lock-Simulator-Signature"), (set.Secret, set.SignatureHeader));
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 7001 });

        sink.FailNext(1);
        await door.Phone(await server.StaffAsync(7001)).StatusAsync();
        Assert.Equal("status", (await sink.NextAsync()).Kind);

        var (failed, delivered) = (sink.Deliveries.First(), sink.Deliveries.Last());
        Assert.Equal(2, sink.Deliveries.Count);
        Assert.Equal(failed.Delivery, delivered.Delivery);
        Assert.Equal(delivered.Body.Length, delivered.ContentLength);
        string expected = "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("integrator-shared-secret"), delivered.Body)).ToLowerInvariant();
        Assert.Equal(expected, delivered.Signature);
        WebhookView view = await CountedAsync(server);
        Assert.Equal((1L, 0L, 1L), (view.Delivered, view.Failed, view.Retried));
        Assert.Null(view.Secret);
    }

    [Fact]
    public async Task A_new_url_starts_with_fresh_counters_and_a_server_made_secret()
    {
        await using WebhookSink sink = await WebhookSink.StartAsync();
        await using TestServer server = await TestServer.StartAsync();
        await server.Client.SetWebhookAsync(sink.Url);
        SimulatorLock door = await server.Client.CreateLockAsync(new CreateLockRequest { LockId = 7002 });
        await door.Phone(await server.StaffAsync(7002)).StatusAsync();
        await sink.NextAsync();
        Assert.Equal(1, (await CountedAsync(server)).Delivered);

        WebhookView moved = await server.Client.SetWebhookAsync(new Uri(sink.Url, "/hook?v=2"));
        Assert.Equal((0L, 0L, 0L), (moved.Delivered, moved.Failed, moved.Retried));
        Assert.Equal(32, moved.Secret!.Length);
    }

    /// <summary>The view once the server has counted the delivery the sink just answered (wall time, at most 10 s).</summary>
    private static async Task<WebhookView> CountedAsync(TestServer server)
    {
        for (var wait = System.Diagnostics.Stopwatch.StartNew(); ; await Task.Delay(20))
        {
            WebhookView view = (await server.GetAsync<WebhookView>("/webhook"))!;
            if (view.Delivered > 0 || wait.Elapsed > TimeSpan.FromSeconds(10))
            {
                return view;
            }
        }
    }
}
