using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace LockSimulator.Tracing;

/// <summary>One value change of a signal a <see cref="VcdReader"/> was asked to follow.</summary>
public delegate void VcdChangeHandler(int signal, long timeUs, bool level);

/// <summary>
/// Reads an IEEE 1364 value change dump, as written by <see cref="VcdWriter"/>, simulators,
/// or a logic analyser through sigrok-cli or PulseView, unchanged: sigrok-cli's <c>META</c>
/// lines before the header, any <c>$timescale</c>, nested scopes, <c>$dumpvars</c> blocks,
/// comments, several changes on one line. Every variable is read as a 1-bit signal in
/// microseconds: scalars as they are, a vector is high while any of its bits is 1; x and z
/// are no level (the last level holds); reals and strings are skipped.
/// </summary>
/// <remarks>
/// The header is read by <see cref="Open"/>; the changes are then streamed once through
/// <see cref="ReadChanges"/> to a handler, for the signals asked for only, so a long capture
/// at a high sample rate is read in constant memory.
/// </remarks>
public sealed class VcdReader
{
    private readonly VcdTokenizer _tokens;
    private readonly List<KeyValuePair<string, int>> _names = new();
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _scopes = new();
    private VcdTimescale _timescale = VcdTimescale.OneNanosecond;
    private long _nowTicks;
    private bool _read;

    private VcdReader(TextReader text)
    {
        _tokens = new VcdTokenizer(text);
    }

    /// <summary>Every variable's hierarchical name ("scope.sub.name"), in the order declared.</summary>
    public IEnumerable<string> Names
    {
        get
        {
            foreach (KeyValuePair<string, int> name in _names)
            {
                yield return name.Key;
            }
        }
    }

    /// <summary>How many distinct signals (ids) the header declares; two names may share one.</summary>
    public int SignalCount => _byId.Count;

    /// <summary>The sample rate sigrok-cli states in its <c>META samplerate</c> line, if any.</summary>
    public long? SampleRateHz { get; private set; }

    /// <summary>
    /// The file's last line has no newline, as when a copy was cut off: that line may be
    /// incomplete, so it is not read (after <see cref="ReadChanges"/>).
    /// </summary>
    public bool Truncated { get; private set; }

    /// <summary>The first timestamp of the dump, in microseconds (after <see cref="ReadChanges"/>).</summary>
    public long StartUs { get; private set; }

    /// <summary>The last timestamp: when the recording ended (after <see cref="ReadChanges"/>).</summary>
    public long EndUs { get; private set; }

    /// <summary>Reads the header; throws <see cref="UnusableRecordingException"/> on what is not VCD.</summary>
    public static VcdReader Open(TextReader text)
    {
        var reader = new VcdReader(text);
        reader.ReadDefinitions();
        return reader;
    }

    /// <summary>Reads a whole dump into memory, every signal: for small files and tests.</summary>
    public static VcdRecording Read(TextReader text)
    {
        VcdReader reader = Open(text);
        var signals = new DigitalSignal[reader.SignalCount];
        for (int i = 0; i < signals.Length; i++)
        {
            signals[i] = new DigitalSignal();
        }

        var wanted = new bool[signals.Length];
        Array.Fill(wanted, true);
        reader.ReadChanges(wanted, (signal, timeUs, level) => signals[signal].Set(timeUs, level));
        var channels = new List<KeyValuePair<string, DigitalSignal>>();
        foreach (KeyValuePair<string, int> name in reader._names)
        {
            channels.Add(new KeyValuePair<string, DigitalSignal>(name.Key, signals[name.Value]));
        }

        return new VcdRecording(channels, reader.StartUs, reader.EndUs);
    }

    /// <summary>
    /// The signal named <paramref name="name"/>: its full path, or its path's tail
    /// ("led.green" finds "lock.led.green", "D0" finds "libsigrok.D0") if only one matches.
    /// </summary>
    public int Find(string name) => Resolve(_names, name);

    /// <summary>The value declared under <paramref name="name"/> as <see cref="Find"/> looks it up.</summary>
    internal static T Resolve<T>(IReadOnlyList<KeyValuePair<string, T>> declared, string name)
    {
        var tails = new List<KeyValuePair<string, T>>();
        foreach (KeyValuePair<string, T> entry in declared)
        {
            if (entry.Key == name)
            {
                return entry.Value;
            }

            if (entry.Key.EndsWith("." + name, StringComparison.Ordinal))
            {
                tails.Add(entry);
            }
        }

        return tails.Count switch
        {
            1 => tails[0].Value,
            0 => throw new UnusableRecordingException($"no channel '{name}' in the recording (it has: {string.Join(", ", declared.Select(d => d.Key))})"),
            _ => throw new UnusableRecordingException($"channel '{name}' is ambiguous ({string.Join(", ", tails.Select(m => m.Key))}): give its full name"),
        };
    }

    /// <summary>
    /// Streams the value changes once, calling <paramref name="onChange"/> for the signals
    /// flagged in <paramref name="wanted"/> (indexed as <see cref="Find"/> returns them).
    /// </summary>
    public void ReadChanges(bool[] wanted, VcdChangeHandler onChange)
    {
        if (_read)
        {
            throw new InvalidOperationException("the changes of a VCD are read once");
        }

        _read = true;
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ids = _byId.GetAlternateLookup<ReadOnlySpan<char>>();
        bool started = false;
        while (_tokens.Next(out ReadOnlySpan<char> token))
        {
            if (_tokens.InUnterminatedLastLine)
            {
                Truncated = true;
                break;
            }

            char first = token[0];
            if (first == '#')
            {
                EndUs = Advance(token);
                if (!started)
                {
                    StartUs = EndUs;
                    started = true;
                }

                continue;
            }

            bool? level;
            ReadOnlySpan<char> id;
            switch (first)
            {
                case '$':
                    if (token is not ("$dumpvars" or "$dumpall" or "$dumpon" or "$dumpoff" or "$end"))
                    {
                        UntilEnd(token.ToString()); // a $comment between changes
                    }

                    continue; // the changes inside $dumpvars and the like are read like any others
                case '0' or '1':
                    level = first == '1';
                    id = token[1..];
                    break;
                case 'x' or 'X' or 'z' or 'Z':
                    level = null;
                    id = token[1..];
                    break;
                case 'b' or 'B':
                    level = VectorLevel(token[1..]);
                    id = NextToken(token);
                    break;
                case 'r' or 'R' or 's' or 'S':
                    level = null;
                    id = NextToken(token);
                    break;
                default:
                    throw new UnusableRecordingException($"not a VCD value change: '{Shorten(token)}'");
            }

            if (!ids.TryGetValue(id, out int signal))
            {
                throw new UnusableRecordingException($"VCD value change for an undeclared id '{Shorten(id)}'");
            }

            if (level is bool known && wanted[signal])
            {
                onChange(signal, EndUs, known);
            }
        }
    }

    private void ReadDefinitions()
    {
        while (_tokens.NextString() is string token)
        {
            switch (token)
            {
                case "$enddefinitions":
                    UntilEnd(token);
                    return;
                case "$timescale":
                    _timescale = VcdTimescale.Parse(string.Join(" ", UntilEnd(token)));
                    break;
                case "$scope":
                    List<string> scope = UntilEnd(token);
                    _scopes.Add(scope.Count > 0 ? scope[^1] : "");
                    break;
                case "$upscope":
                    UntilEnd(token);
                    if (_scopes.Count == 0)
                    {
                        throw new UnusableRecordingException("VCD $upscope without a $scope");
                    }

                    _scopes.RemoveAt(_scopes.Count - 1);
                    break;
                case "$var":
                    Declare(UntilEnd(token));
                    break;
                case "META" when _names.Count == 0:
                    Meta(_tokens.RestOfLine());
                    break;
                default:
                    if (!token.StartsWith('$'))
                    {
                        throw new UnusableRecordingException($"not a VCD file: found '{Shorten(token)}' where a $keyword belongs");
                    }

                    UntilEnd(token); // $date, $version, $comment and tool-specific sections
                    break;
            }
        }

        throw new UnusableRecordingException("not a VCD file: no $enddefinitions");
    }

    /// <summary>sigrok-cli writes <c>META samplerate: 1000000</c> ahead of the header; other META lines are ignored.</summary>
    private void Meta(string line)
    {
        const string key = "samplerate:";
        if (line.StartsWith(key, StringComparison.Ordinal)
            && long.TryParse(line.AsSpan(key.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long hz))
        {
            SampleRateHz = hz;
        }
    }

    /// <summary><c>$var wire 1 ! name [range] $end</c>: the same id in two scopes is one signal under two names.</summary>
    private void Declare(List<string> var)
    {
        if (var.Count < 4)
        {
            throw new UnusableRecordingException($"VCD $var needs type, size, id and name: '$var {string.Join(" ", var)} $end'");
        }

        if (!_byId.TryGetValue(var[2], out int signal))
        {
            signal = _byId.Count;
            _byId.Add(var[2], signal);
        }

        string path = _scopes.Count > 0 ? string.Join(".", _scopes) + "." + var[3] : var[3];
        _names.Add(new KeyValuePair<string, int>(path, signal));
    }

    private long Advance(ReadOnlySpan<char> token)
    {
        if (!long.TryParse(token[1..], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks))
        {
            throw new UnusableRecordingException($"not a VCD timestamp: '{Shorten(token)}'");
        }

        // Compared in ticks: two times within one microsecond still have an order.
        if (ticks < _nowTicks)
        {
            throw new UnusableRecordingException($"VCD time goes back at '{token}'");
        }

        _nowTicks = ticks;
        return _timescale.ToMicroseconds(ticks);
    }

    private static bool? VectorLevel(ReadOnlySpan<char> bits)
    {
        if (bits.IndexOfAny("xXzZ") >= 0)
        {
            return null;
        }

        if (bits.Length == 0 || bits.IndexOfAnyExcept("01") >= 0)
        {
            throw new UnusableRecordingException($"not a VCD vector value: 'b{Shorten(bits)}'");
        }

        return bits.Contains('1');
    }

    private ReadOnlySpan<char> NextToken(ReadOnlySpan<char> after)
    {
        string shown = Shorten(after);
        return _tokens.Next(out ReadOnlySpan<char> token)
            ? token
            : throw new UnusableRecordingException($"VCD ends after '{shown}'");
    }

    private List<string> UntilEnd(string keyword)
    {
        var body = new List<string>();
        while (_tokens.NextString() is string token)
        {
            if (token == "$end")
            {
                return body;
            }

            body.Add(token);
        }

        throw new UnusableRecordingException($"VCD {keyword} without $end");
    }

    private static string Shorten(ReadOnlySpan<char> token) => token.Length <= 40 ? token.ToString() : token[..40].ToString() + "...";
}
