using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LockSimulator.Server.Hosting;

/// <summary>
/// The raw stream under a server WebSocket, watching the client's frame headers: RFC 6455 §5.1
/// says a server must close the connection when a client frame is not masked, and the .NET
/// WebSocket does not check it. On such a frame this stream sends the close frame 1002 itself and
/// then reads as ended; the WebSocket's own later writes are dropped (its close would be a second one).
/// </summary>
internal sealed class MaskCheckingStream : Stream
{
    private static readonly byte[] ProtocolErrorClose = CloseFrame(1002, "client frames must be masked (RFC 6455 5.1)");

    private readonly Stream _inner;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private State _state = State.First;
    private int _pending; // bytes still to come in the current state
    private long _payload;
    private bool _violated;

    private enum State
    {
        First,
        Second,
        Length,
        Mask,
        Payload,
    }

    public MaskCheckingStream(Stream inner)
    {
        _inner = inner;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_violated)
        {
            return 0;
        }

        int count = await _inner.ReadAsync(buffer, cancellationToken);
        int valid = Scan(buffer.Span[..count]);
        if (valid < count)
        {
            _violated = true;
            await _writing.WaitAsync(cancellationToken);
            try
            {
                await _inner.WriteAsync(ProtocolErrorClose, cancellationToken);
                await _inner.FlushAsync(cancellationToken);
            }
            finally
            {
                _writing.Release();
            }

            await LingerAsync();
        }

        return valid;
    }

    /// <summary>
    /// Waits (at most a second) for the client to close its side before the server lets the
    /// connection go: a reset right behind the close frame makes the client's TCP stack drop
    /// data it has not read yet, the close frame included (RFC 6455 §7.1.1: the server closes
    /// the TCP connection once the client has had the close).
    /// </summary>
    private async Task LingerAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        byte[] discard = new byte[256];
        try
        {
            while (await _inner.ReadAsync(discard, patience.Token) > 0)
            {
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            if (!_violated)
            {
                await _inner.WriteAsync(buffer, cancellationToken);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _writing.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Follows the frame headers through <paramref name="bytes"/>; returns how many bytes precede an unmasked frame (all when none).</summary>
    private int Scan(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            switch (_state)
            {
                case State.First:
                    _state = State.Second;
                    break;
                case State.Second:
                    if ((b & 0x80) == 0)
                    {
                        return Math.Max(i - 1, 0);
                    }

                    _payload = b & 0x7F;
                    (_state, _pending) = _payload switch
                    {
                        126 => (State.Length, 2),
                        127 => (State.Length, 8),
                        _ => (State.Mask, 4),
                    };
                    if (_state == State.Length)
                    {
                        _payload = 0;
                    }

                    break;
                case State.Length:
                    _payload = (_payload << 8) | b;
                    if (--_pending == 0)
                    {
                        (_state, _pending) = (State.Mask, 4);
                    }

                    break;
                case State.Mask:
                    if (--_pending == 0)
                    {
                        _state = _payload == 0 ? State.First : State.Payload;
                    }

                    break;
                case State.Payload:
                    long skip = Math.Min(_payload, bytes.Length - i);
                    _payload -= skip;
                    i += (int)skip - 1;
                    if (_payload == 0)
                    {
                        _state = State.First;
                    }

                    break;
            }
        }

        return bytes.Length;
    }

    private static byte[] CloseFrame(int code, string reason)
    {
        byte[] text = Encoding.UTF8.GetBytes(reason);
        byte[] frame = new byte[4 + text.Length];
        frame[0] = 0x88;
        frame[1] = (byte)(2 + text.Length);
        frame[2] = (byte)(code >> 8);
        frame[3] = (byte)code;
        text.CopyTo(frame, 4);
        return frame;
    }
}
