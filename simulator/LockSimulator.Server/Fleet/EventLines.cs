using System;
using System.Buffers;
using System.Text.Json;
using LockSimulator.Server.Contracts;
using LockSimulator.Server.Hosting;

namespace LockSimulator.Server.Fleet;

/// <summary>
/// Writes an event as the JSON line the digest hashes: the bytes the server's serializer gives
/// for its <see cref="FleetEvent"/>, then a newline. Most events are written by hand (a
/// fleet day publishes millions, and the serializer's object converter was most of the cost);
/// an event with a string the default encoder would escape (quotes, HTML-sensitive or
/// non-ASCII characters) goes through the serializer itself, so the bytes are the same either way.
/// </summary>
internal static class EventLines
{
    private static ReadOnlySpan<byte> SeqField => "{\"seq\":"u8;

    private static ReadOnlySpan<byte> TimeField => ",\"timeMs\":"u8;

    private static ReadOnlySpan<byte> LockField => ",\"lockId\":"u8;

    private static ReadOnlySpan<byte> KindField => ",\"kind\":\""u8;

    private static ReadOnlySpan<byte> ValueField => "\",\"value\":\""u8;

    private static ReadOnlySpan<byte> NamesField => "\",\"names\":["u8;

    /// <summary>Longest fixed part of a line: the field names, three numbers of at most 20 digits, brackets, quotes and the newline.</summary>
    private const int FixedBytes = 128;

    /// <summary>Appends to <paramref name="buffer"/> the JSON line of event <paramref name="e"/> numbered <paramref name="seq"/>.</summary>
    public static void Write(ArrayBufferWriter<byte> buffer, long seq, in PendingEvent e)
    {
        if (!TryWritePlain(buffer, seq, e))
        {
            WriteBySerializer(buffer, new FleetEvent(seq, e.TimeMs, e.LockId, e.Kind, e.Value, e.Names));
        }

        buffer.Write("\n"u8);
    }

    private static bool TryWritePlain(ArrayBufferWriter<byte> buffer, long seq, in PendingEvent e)
    {
        int most = FixedBytes + e.Kind.Length + e.Value.Length;
        if (e.Names != null)
        {
            foreach (string name in e.Names)
            {
                most += name.Length + 3;
            }
        }

        Span<byte> line = buffer.GetSpan(most);
        int at = 0;
        Put(line, ref at, SeqField);
        at += Number(seq, line[at..]);
        Put(line, ref at, TimeField);
        at += Number(e.TimeMs, line[at..]);
        Put(line, ref at, LockField);
        at += Number(e.LockId, line[at..]);
        Put(line, ref at, KindField);
        if (!Plain(e.Kind, line, ref at))
        {
            return false;
        }

        Put(line, ref at, ValueField);
        if (!Plain(e.Value, line, ref at))
        {
            return false;
        }

        if (e.Names == null)
        {
            line[at++] = (byte)'"';
        }
        else
        {
            Put(line, ref at, NamesField);
            for (int i = 0; i < e.Names.Length; i++)
            {
                if (i > 0)
                {
                    line[at++] = (byte)',';
                }

                line[at++] = (byte)'"';
                if (!Plain(e.Names[i], line, ref at))
                {
                    return false;
                }

                line[at++] = (byte)'"';
            }

            line[at++] = (byte)']';
        }

        line[at++] = (byte)'}';
        buffer.Advance(at);
        return true;
    }

    private static void Put(Span<byte> line, ref int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(line[at..]);
        at += text.Length;
    }

    private static int Number(long value, Span<byte> into)
    {
        value.TryFormat(into, out int written, default, System.Globalization.CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>Copies <paramref name="text"/> as ASCII; false if the default encoder would escape any of its characters.</summary>
    private static bool Plain(string text, Span<byte> line, ref int at)
    {
        Span<byte> into = line.Slice(at, text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is < ' ' or > '~' or '"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`')
            {
                return false;
            }

            into[i] = (byte)c;
        }

        at += text.Length;
        return true;
    }

    private static void WriteBySerializer(ArrayBufferWriter<byte> buffer, FleetEvent e)
    {
        JsonSerializerOptions options = ServerJson.Options;
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Encoder = options.Encoder, Indented = options.WriteIndented, MaxDepth = options.MaxDepth, SkipValidation = true,
        });
        JsonSerializer.Serialize(writer, e, options);
    }
}
