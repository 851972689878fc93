using System;
using System.IO;

namespace LockSimulator.Tracing;

/// <summary>
/// Splits a VCD text into whitespace-separated tokens through one fixed buffer, so a capture
/// of hundreds of megabytes is read in constant memory and without a string per token.
/// </summary>
internal sealed class VcdTokenizer
{
    private const int BufferChars = 1 << 16;

    private readonly TextReader _text;
    private readonly char[] _buffer = new char[BufferChars];
    private int _start;
    private int _end;
    private bool _eof;
    private int _unterminatedFrom = int.MaxValue;
    private int _tokenStart;

    public VcdTokenizer(TextReader text)
    {
        _text = text;
    }

    /// <summary>The next token, valid until the next call; false at the end of the text.</summary>
    public bool Next(out ReadOnlySpan<char> token)
    {
        while (true)
        {
            while (_start < _end && char.IsWhiteSpace(_buffer[_start]))
            {
                _start++;
            }

            int stop = _start;
            while (stop < _end && !char.IsWhiteSpace(_buffer[stop]))
            {
                stop++;
            }

            if (stop < _end || (_eof && stop > _start))
            {
                _tokenStart = _start;
                token = _buffer.AsSpan(_start, stop - _start);
                _start = stop;
                return true;
            }

            if (_eof)
            {
                token = default;
                return false;
            }

            Fill();
        }
    }

    /// <summary>
    /// The last token came from a final line with no newline after it: a capture whose copy
    /// was cut off, so that line may be incomplete.
    /// </summary>
    public bool InUnterminatedLastLine => _eof && _tokenStart >= _unterminatedFrom;

    /// <summary>The next token as a string (for the header, where tokens are few).</summary>
    public string? NextString() => Next(out ReadOnlySpan<char> token) ? token.ToString() : null;

    /// <summary>Drops the rest of the current line (sigrok-cli's <c>META</c> lines are line-based).</summary>
    public string RestOfLine()
    {
        var line = new System.Text.StringBuilder();
        while (true)
        {
            int newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            if (newline >= 0)
            {
                line.Append(_buffer, _start, newline - _start);
                _start = newline + 1;
                return line.ToString().Trim();
            }

            line.Append(_buffer, _start, _end - _start);
            _start = _end;
            if (_eof)
            {
                return line.ToString().Trim();
            }

            Fill();
        }
    }

    /// <summary>Keeps the unread part at the front of the buffer and reads more behind it.</summary>
    private void Fill()
    {
        int kept = _end - _start;
        if (kept == _buffer.Length)
        {
            throw new UnusableRecordingException($"not a VCD file: a token longer than {BufferChars} characters");
        }

        Array.Copy(_buffer, _start, _buffer, 0, kept);
        _start = 0;
        _end = kept;
        int read = _text.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
            if (_end > 0 && _buffer[_end - 1] != '\n')
            {
                _unterminatedFrom = Array.LastIndexOf(_buffer, '\n', _end - 1, _end) + 1;
            }
        }

        _end += read;
    }
}
