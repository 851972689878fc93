using System;
using System.Runtime.InteropServices;

namespace LockFirmware.Protocol.Client;

/// <summary>
/// OpenSSL's one-block SHA-256 compression, <c>SHA256_Transform(SHA256_CTX*, const unsigned char*)</c>
/// in libcrypto, which folds a 64-byte block into the eight state words at the start of the
/// context and uses the CPU's SHA instructions where it has them (SHA-NI on x86-64, the ARMv8
/// crypto extension). .NET on Linux loads libcrypto for its own cryptography, so this costs no
/// new dependency there; elsewhere (Windows, macOS, a libcrypto built without the deprecated
/// API) <see cref="Transform"/> is null and <see cref="Sha256Blocks"/> compresses in managed code.
/// </summary>
internal static unsafe class NativeSha256
{
    /// <summary>
    /// The size of OpenSSL's SHA256_CTX in 32-bit words (include/openssl/sha.h): h[8], Nl, Nh,
    /// data[16], num, md_len. The library only touches h[] in a transform, but a caller's context
    /// has the full size so nothing it may write lands outside.
    /// </summary>
    public const int ContextWords = 28;

    // Linux names of OpenSSL 3 and 1.1 (same SHA256_CTX and export); the unversioned one is the dev symlink.
    private static readonly string[] LibraryNames = ["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so"];

    /// <summary>Which library <see cref="Transform"/> came from, or why there is none: for the tests' messages.</summary>
    /// <remarks>Declared before <see cref="Transform"/>: static initializers run in order, and resolving sets it.</remarks>
    public static string Source { get; private set; } = "";

    /// <summary>
    /// SHA256_Transform, or null when this platform has no usable one. No GC transition: the call
    /// is a few dozen nanoseconds, never blocks and never calls back, and a MAC makes two of them.
    /// </summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<uint*, byte*, void> Transform = Resolve();

    /// <summary>Whether this platform has the native transform.</summary>
    public static bool Available => Transform != null;

    private static delegate* unmanaged[SuppressGCTransition]<uint*, byte*, void> Resolve()
    {
        if (!OperatingSystem.IsLinux())
        {
            Source = "not Linux: libcrypto is not the platform's crypto library here";
            return null;
        }

        foreach (string name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, out IntPtr library))
            {
                continue;
            }

            if (!NativeLibrary.TryGetExport(library, "SHA256_Transform", out IntPtr export))
            {
                NativeLibrary.Free(library);
                continue;
            }

            var transform = (delegate* unmanaged[SuppressGCTransition]<uint*, byte*, void>)export;
            if (!Sha256Blocks.AgreesWithManaged(transform))
            {
                Source = $"{name}'s SHA256_Transform disagrees with the managed compression (another SHA256_CTX layout?)";
                return null;
            }

            Source = name;
            return transform;
        }

        Source = "no libcrypto with SHA256_Transform found";
        return null;
    }
}
