using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace LockFirmware.ToolTests;

/// <summary>
/// The pixels of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium's screenshots are),
/// enough to check what a rendered page shows (PNG specification, chunks and filter types).
/// </summary>
internal sealed class PngPixels
{
    private readonly byte[] _pixels;
    private readonly int _channels;

    private PngPixels(int width, int height, int channels, byte[] pixels)
    {
        Width = width;
        Height = height;
        _channels = channels;
        _pixels = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    public static PngPixels Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        int at = 8; // signature
        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        while (at < file.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0 || (data[9] != 2 && data[9] != 6))
                {
                    throw new NotSupportedException("only 8-bit RGB or RGBA, non-interlaced");
                }

                channels = data[9] == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            at += 12 + length;
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new PngPixels(width, height, channels, Unfilter(inflated.ToArray(), width, height, channels));
    }

    /// <summary>The colour at (x, y) as 0xRRGGBB.</summary>
    public int Rgb(int x, int y)
    {
        int i = (y * Width + x) * _channels;
        return (_pixels[i] << 16) | (_pixels[i + 1] << 8) | _pixels[i + 2];
    }

    /// <summary>How many pixels in the rows <paramref name="fromY"/>..<paramref name="toY"/> have exactly this colour.</summary>
    public int Count(int rgb, int fromY, int toY)
    {
        int count = 0;
        for (int y = fromY; y < Math.Min(toY, Height); y++)
        {
            for (int x = 0; x < Width; x++)
            {
                if (Rgb(x, y) == rgb)
                {
                    count++;
                }
            }
        }

        return count;
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        int stride = width * channels;
        var pixels = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            byte filter = raw[y * (stride + 1)];
            for (int x = 0; x < stride; x++)
            {
                int a = x >= channels ? pixels[y * stride + x - channels] : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                int c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
                int value = raw[y * (stride + 1) + 1 + x];
                pixels[y * stride + x] = (byte)(filter switch
                {
                    0 => value,
                    1 => value + a,
                    2 => value + b,
                    3 => value + ((a + b) >> 1),
                    4 => value + Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
