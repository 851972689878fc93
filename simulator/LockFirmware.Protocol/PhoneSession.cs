using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using LockFirmware.Ble;
using LockFirmware.Protocol;
using LockFirmware.Security;

namespace LockFirmware.Protocol.Client;

/// <summary>
/// The phone's side of a session (docs/PROTOCOL.md, "Session"): HELLO with the credential and
/// a fresh phone nonce, the lock's CHALLENGE, then numbered, MAC'd commands and verified
/// responses. Messages are whole; cut them with <see cref="Fragments"/> for the radio.
/// </summary>
public sealed class PhoneSession
{
    private readonly IssuedCredential _credential;
    // Both keys are keyed once (pad states), the session key per HELLO: a MAC is then two or three SHA-256 blocks.
    private readonly HmacKey _credentialKey;
    private readonly Func<byte[]> _nonces;
    private byte[] _phoneNonce = [];
    // One object rekeyed by every challenge (nothing outside the session sees it); null until the first.
    private HmacKey? _sessionKeyObject;
    private bool _sessionOpen;
    private int _nextCounter = 1;
    private int _nextEvent = 1;

    /// <param name="nonces">Phone nonces (8 bytes); random by default, fixed for test vectors. It may refill and return the same array each time: only the latest nonce is read.</param>
    public PhoneSession(IssuedCredential credential, Func<byte[]>? nonces = null)
    {
        _credential = credential;
        _credentialKey = new HmacKey(credential.Key);
        _nonces = nonces ?? (() => RandomNumberGenerator.GetBytes(ProtocolInfo.PhoneNonceLength));
    }

    public bool IsOpen => _sessionOpen;

    private HmacKey? SessionKey => _sessionOpen ? _sessionKeyObject : null;

    /// <summary>Length of a HELLO: type, credential, phone nonce.</summary>
    public const int HelloLength = 1 + Credential.Size + ProtocolInfo.PhoneNonceLength;

    public byte[] Hello()
    {
        byte[] message = new byte[HelloLength];
        WriteHello(message);
        return message;
    }

    /// <summary>As <see cref="Hello()"/>, into <paramref name="into"/> (at least <see cref="HelloLength"/> bytes); returns the length.</summary>
    public int WriteHello(Span<byte> into)
    {
        if (into.Length < HelloLength)
        {
            throw new ArgumentException($"a HELLO takes {HelloLength} bytes", nameof(into));
        }

        _sessionOpen = false;
        _phoneNonce = _nonces();
        if (_phoneNonce.Length != ProtocolInfo.PhoneNonceLength)
        {
            throw new ArgumentException("a phone nonce is 8 bytes");
        }

        into[0] = MessageType.Hello;
        _credential.Credential.CopyTo(into[1..]);
        _phoneNonce.CopyTo(into[(1 + Credential.Size)..]);
        return HelloLength;
    }

    /// <summary>
    /// Takes the lock's answer to HELLO; throws <see cref="LockRefusedException"/> when it refused.
    /// A refusal of a genuine credential carries a MAC under the credential key and the phone
    /// nonce; one that verifies is <see cref="LockRefusedException.Authenticated"/>.
    /// </summary>
    public void OnChallenge(byte[] response)
    {
        if (response.Length < 2 || response[0] != (MessageType.Hello | MessageType.ResponseFlag))
        {
            throw new ProtocolViolationException("not an answer to HELLO");
        }

        Span<byte> mac = stackalloc byte[HmacKey.DigestBytes];
        if (response[1] != (byte)ResultCode.Ok)
        {
            bool authenticated = false;
            if (response.Length == 2 + ProtocolInfo.MacLength)
            {
                Mac.Of(_credentialKey, Labels.Response, response.AsSpan(0, 2), _phoneNonce, mac);
                authenticated = CryptographicOperations.FixedTimeEquals(mac[..ProtocolInfo.MacLength], response.AsSpan(2));
            }

            throw new LockRefusedException(MessageType.Hello, (ResultCode)response[1], authenticated);
        }

        if (response.Length != 2 + ProtocolInfo.LockNonceLength)
        {
            throw new ProtocolViolationException("a challenge carries a 16-byte lock nonce");
        }

        Mac.Of(_credentialKey, Labels.Session, response.AsSpan(2), _phoneNonce, mac);
        if (_sessionKeyObject == null)
        {
            _sessionKeyObject = new HmacKey(mac);
        }
        else
        {
            _sessionKeyObject.Rekey(mac);
        }

        _sessionOpen = true;
        CryptographicOperations.ZeroMemory(mac);
        _nextCounter = 1;
        _nextEvent = 1;
    }

    public byte[] Command(Opcode opcode, ReadOnlySpan<byte> payload = default)
    {
        byte[] message = new byte[CommandLength(payload.Length)];
        WriteCommand(opcode, payload, message);
        return message;
    }

    /// <summary>Length of a COMMAND with <paramref name="payloadLength"/> bytes of payload: header, payload, MAC.</summary>
    public static int CommandLength(int payloadLength) => 4 + payloadLength + ProtocolInfo.MacLength;

    /// <summary>As <see cref="Command"/>, into <paramref name="into"/> (at least <see cref="CommandLength"/> bytes); returns the length.</summary>
    public int WriteCommand(Opcode opcode, ReadOnlySpan<byte> payload, Span<byte> into)
    {
        HmacKey key = SessionKey ?? throw new InvalidOperationException("no session: send Hello first");
        int signed = 4 + payload.Length;
        if (into.Length < signed + ProtocolInfo.MacLength)
        {
            throw new ArgumentException($"this COMMAND takes {signed + ProtocolInfo.MacLength} bytes", nameof(into));
        }

        into[0] = MessageType.Command;
        BinaryPrimitives.WriteUInt16LittleEndian(into[1..], (ushort)_nextCounter++);
        into[3] = (byte)opcode;
        payload.CopyTo(into[4..]);
        Span<byte> mac = stackalloc byte[HmacKey.DigestBytes];
        Mac.Of(key, Labels.Command, into[..signed], default, mac);
        mac[..ProtocolInfo.MacLength].CopyTo(into[signed..]);
        return signed + ProtocolInfo.MacLength;
    }

    /// <summary>
    /// Verifies and decodes a response. Refusals inside a session are MAC'd responses like any
    /// other (check <see cref="CommandResponse.Result"/>); only a lock that holds no session
    /// key answers bare (2 bytes, NoSession), which throws an unauthenticated refusal.
    /// </summary>
    public CommandResponse ReadResponse(byte[] message) => Decode(VerifyResponse(message), message);

    /// <summary>
    /// As <see cref="ReadResponse"/>, without decoding the payload: the header of a verified
    /// response, for a caller that keeps no payload (<see cref="Decode"/> makes the whole response).
    /// </summary>
    public ResponseHeader VerifyResponse(byte[] message)
    {
        HmacKey key = SessionKey ?? throw new InvalidOperationException("no session");
        if (message.Length == 2 && message[0] == (MessageType.Command | MessageType.ResponseFlag))
        {
            throw new LockRefusedException(MessageType.Command, (ResultCode)message[1]);
        }

        if (message.Length < 5 + ProtocolInfo.MacLength || message[0] != (MessageType.Command | MessageType.ResponseFlag))
        {
            throw new ProtocolViolationException("not a command response");
        }

        int signed = message.Length - ProtocolInfo.MacLength;
        Span<byte> expected = stackalloc byte[HmacKey.DigestBytes];
        Mac.Of(key, Labels.Response, message.AsSpan(0, signed), default, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected[..ProtocolInfo.MacLength], message.AsSpan(signed)))
        {
            throw new ProtocolViolationException("response MAC does not match: not from this lock's session");
        }

        return new ResponseHeader(BinaryPrimitives.ReadUInt16LittleEndian(message.AsSpan(1)), (Opcode)message[3], (ResultCode)message[4]);
    }

    /// <summary>The whole response of <paramref name="verified"/>, a message <see cref="VerifyResponse"/> accepted with <paramref name="header"/>.</summary>
    public static CommandResponse Decode(ResponseHeader header, byte[] verified) =>
        new(header.Counter, header.Opcode, header.Result, verified[5..(verified.Length - ProtocolInfo.MacLength)]);

    /// <summary>
    /// Decodes an event. During a session the lock adds seq(2) and a MAC under the session key:
    /// such an event is <see cref="LockEvent.Authenticated"/> when the MAC verifies and its
    /// sequence number is the next one (no replay). One without is a hint to confirm with Status.
    /// </summary>
    public LockEvent ReadEvent(byte[] message)
    {
        LockEvent parsed = LockEvent.Parse(message);
        int signed = message.Length - ProtocolInfo.MacLength;
        HmacKey? key = SessionKey;
        if (key == null || message.Length != LockEvent.Length + 2 + ProtocolInfo.MacLength)
        {
            return parsed;
        }

        Span<byte> expected = stackalloc byte[HmacKey.DigestBytes];
        Mac.Of(key, Labels.Event, message.AsSpan(0, signed), default, expected);
        int sequence = BinaryPrimitives.ReadUInt16LittleEndian(message.AsSpan(LockEvent.Length));
        if (!CryptographicOperations.FixedTimeEquals(expected[..ProtocolInfo.MacLength], message.AsSpan(signed)) || sequence != _nextEvent)
        {
            throw new ProtocolViolationException("event MAC or sequence does not match: not from this lock's session");
        }

        _nextEvent++;
        return parsed with { Authenticated = true };
    }
}
