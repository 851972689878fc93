using System;
using System.Buffers;
using System.Linq;
using System.Text.Json;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Fleet;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Tests;

/// <summary>The digest's JSON lines are written by hand: they must be the serializer's bytes for every event, plain or not.</summary>
public class EventLinesTests
{
    [Theory]
    [InlineData(1L, 0L, 100_000u, "created", "S0100000", null)]
    [InlineData(long.MaxValue, long.MinValue, uint.MaxValue, "state", "Unlocking", null)]
    [InlineData(7L, 3_600_000L, 1u, "warnings", "0x00", new string[0])]
    [InlineData(8L, 12L, 2u, "warnings", "0x21", new[] { "BatteryUnavailable", "Tamper" })]
    [InlineData(9L, -5L, 3u, "fault", "InvalidOperationException: \"quoted\" <b> & 'it' + `x` \\ path", null)]
    [InlineData(10L, 5L, 4u, "fault", "naïve — ünïcode ✓ 🔒", new[] { "a\"b", "<c>" })]
    [InlineData(11L, 5L, 4u, "door", "tab\there\nnewline\u0001", null)]
    [InlineData(12L, 5L, 4u, "", "", new[] { "" })]
    public void A_line_is_the_serializers_bytes_and_a_newline(long seq, long timeMs, uint lockId, string kind, string value, string[]? names)
    {
        Assert.Equal(BySerializer(new FleetEvent(seq, timeMs, lockId, kind, value, names)), ByHand(seq, new PendingEvent(timeMs, lockId, kind, value, names)));
    }

    [Fact]
    public void Every_ASCII_character_is_written_as_the_serializer_writes_it()
    {
        for (char c = '\0'; c < 128; c++)
        {
            string text = $"a{c}b";
            Assert.Equal(BySerializer(new FleetEvent(1, 2, 3, text, text, [text])), ByHand(1, new PendingEvent(2, 3, text, text, [text])));
        }
    }

    private static string ByHand(long seq, PendingEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>();
        EventLines.Write(buffer, seq, e);
        return Convert.ToHexString(buffer.WrittenSpan);
    }

    private static string BySerializer(FleetEvent e) =>
        Convert.ToHexString(JsonSerializer.SerializeToUtf8Bytes(e, ServerJson.Options).Append((byte)'\n').ToArray());
}
