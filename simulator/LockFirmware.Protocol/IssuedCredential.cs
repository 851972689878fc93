namespace LockFirmware.Protocol.Client;

/// <summary>
/// A credential as the backend hands it to a phone: the 40 bytes the phone shows the lock,
/// and the 32-byte credential key it keeps secret (it proves possession in the session).
/// </summary>
public sealed record IssuedCredential(byte[] Credential, byte[] Key);
