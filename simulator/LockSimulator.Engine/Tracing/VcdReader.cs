using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace LockSimulator.Tracing;

/// <summary>
/// Reads an IEEE 1364 value change dump, as written by <see cref="VcdWriter"/>, simulators,
/// or a logic analyser through sigrok/PulseView: any <c>$timescale</c>, nested scopes,
/// <c>$dumpvars</c> blocks, comments, several changes on one line. Every variable becomes a
/// 1-bit signal in microseconds: scalars as they are, a vector is high while any of its bits
/// is 1; x and z are no level (the last level holds); reals and strings are skipped.
/// </summary>
public sealed class VcdReader
{
    private readonly IEnumerator<string> _tokens;
    private readonly List<KeyValuePair<string, DigitalSignal>> _channels = new();
    private readonly Dictionary<string, DigitalSignal> _byId = new();
    private readonly List<string> _scopes = new();
    private VcdTimescale _timescale = VcdTimescale.OneNanosecond;
    private long _nowTicks;
    private long _nowUs;

    private VcdReader(IEnumerator<string> tokens)
    {
        _tokens = tokens;
    }

    /// <summary>Reads a whole dump; throws <see cref="UnusableRecordingException"/> on what is not VCD.</summary>
    public static VcdRecording Read(TextReader text)
    {
        using IEnumerator<string> tokens = Tokens(text).GetEnumerator();
        var reader = new VcdReader(tokens);
        reader.ReadDefinitions();
        reader.ReadChanges();
        return new VcdRecording(reader._channels, reader._nowUs);
    }

    private void ReadDefinitions()
    {
        while (_tokens.MoveNext())
        {
            string token = _tokens.Current;
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

    /// <summary><c>$var wire 1 ! name [range] $end</c>: the same id in two scopes is one signal under two names.</summary>
    private void Declare(List<string> var)
    {
        if (var.Count < 4)
        {
            throw new UnusableRecordingException($"VCD $var needs type, size, id and name: '$var {string.Join(" ", var)} $end'");
        }

        if (!_byId.TryGetValue(var[2], out DigitalSignal? signal))
        {
            signal = new DigitalSignal();
            _byId.Add(var[2], signal);
        }

        string path = _scopes.Count > 0 ? string.Join(".", _scopes) + "." + var[3] : var[3];
        _channels.Add(new KeyValuePair<string, DigitalSignal>(path, signal));
    }

    private void ReadChanges()
    {
        while (_tokens.MoveNext())
        {
            string token = _tokens.Current;
            switch (token[0])
            {
                case '#':
                    Advance(token);
                    break;
                case '$' when token is "$dumpvars" or "$dumpall" or "$dumpon" or "$dumpoff" or "$end":
                    break; // the changes inside these blocks are read like any others
                case '$':
                    UntilEnd(token);
                    break;
                case '0' or '1':
                    Change(token[1..], token[0] == '1');
                    break;
                case 'x' or 'X' or 'z' or 'Z':
                    Change(token[1..], null);
                    break;
                case 'b' or 'B':
                    Change(NextToken(token), VectorLevel(token[1..]));
                    break;
                case 'r' or 'R' or 's' or 'S':
                    Change(NextToken(token), null);
                    break;
                default:
                    throw new UnusableRecordingException($"not a VCD value change: '{Shorten(token)}'");
            }
        }
    }

    private void Advance(string token)
    {
        if (!long.TryParse(token.AsSpan(1), NumberStyles.None, null, out long ticks))
        {
            throw new UnusableRecordingException($"not a VCD timestamp: '{Shorten(token)}'");
        }

        // Compared in ticks: two times within one microsecond still have an order.
        if (ticks < _nowTicks)
        {
            throw new UnusableRecordingException($"VCD time goes back at '{token}'");
        }

        _nowTicks = ticks;
        _nowUs = _timescale.ToMicroseconds(ticks);
    }

    private void Change(string id, bool? level)
    {
        if (!_byId.TryGetValue(id, out DigitalSignal? signal))
        {
            throw new UnusableRecordingException($"VCD value change for an undeclared id '{Shorten(id)}'");
        }

        if (level is bool known)
        {
            signal.Set(_nowUs, known);
        }
    }

    private static bool? VectorLevel(string bits)
    {
        if (bits.IndexOfAny(['x', 'X', 'z', 'Z']) >= 0)
        {
            return null;
        }

        if (bits.Length == 0 || bits.Trim('0', '1').Length > 0)
        {
            throw new UnusableRecordingException($"not a VCD vector value: 'b{Shorten(bits)}'");
        }

        return bits.Contains('1');
    }

    private string NextToken(string after) => _tokens.MoveNext()
        ? _tokens.Current
        : throw new UnusableRecordingException($"VCD ends after '{Shorten(after)}'");

    private List<string> UntilEnd(string keyword)
    {
        var body = new List<string>();
        while (_tokens.MoveNext())
        {
            if (_tokens.Current == "$end")
            {
                return body;
            }

            body.Add(_tokens.Current);
        }

        throw new UnusableRecordingException($"VCD {keyword} without $end");
    }

    private static string Shorten(string token) => token.Length <= 40 ? token : token[..40] + "...";

    /// <summary>Whitespace-separated tokens, streamed line by line: analyser dumps can be large.</summary>
    private static IEnumerable<string> Tokens(TextReader text)
    {
        while (text.ReadLine() is string line)
        {
            foreach (string token in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return token;
            }
        }
    }
}
