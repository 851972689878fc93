using System;

namespace NanoSurface;

/// <summary>A failure to report as one message, without a stack trace (exit code 1).</summary>
internal sealed class SurfaceException(string message) : Exception(message);
