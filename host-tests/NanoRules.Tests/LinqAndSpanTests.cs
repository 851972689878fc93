using Xunit;

namespace NanoRules.Tests;

/// <summary>NF0004 (LINQ) and NF0005 (Span, Memory, stackalloc).</summary>
public class LinqAndSpanTests
{
    [Fact]
    public void LinqIsRefused() => Snippet.Verify("""
        using System.Linq;                                              //! NF0004

        class Stats
        {
            int Count(int[] values)
            {
                var big = from v in values where v > 10 select v;      //! NF0002 NF0004
                return values.Count() + System.Linq.Enumerable.Sum(values);  //! NF0004 NF0004
            }
        }
        """);

    [Fact]
    public void LoopsPass() => Snippet.Verify("""
        using System.Collections;

        class Stats
        {
            int Count(int[] values)
            {
                var big = 0;
                foreach (var v in values)
                    if (v > 10)
                        big++;
                return big + values.Length;
            }
        }
        """);

    [Fact]
    public void SpansMemoryAndStackallocAreRefused()
    {
        var findings = Snippet.Verify("""
            using System;

            class Frame
            {
                void Parse(byte[] buffer)
                {
                    Span<byte> head = buffer;                   //! NF0005
                    ReadOnlySpan<char> text = "abc";            //! NF0005
                    Memory<byte> memory = buffer;               //! NF0005
                    ReadOnlyMemory<byte> view = buffer;         //! NF0005
                    Span<int> scratch = stackalloc int[4];      //! NF0005 NF0005
                    var tail = "abc".AsSpan();                  //! NF0005
                }
            }
            """);

        Assert.All(findings, f => Assert.Contains("use System.SpanByte, or a byte[] with an offset and a length", f.Message));
    }

    [Fact]
    public void ByteArraysWithOffsetAndLengthPass() => Snippet.Verify("""
        using System;

        class Frame
        {
            byte[] Copy(byte[] buffer, int offset, int length)
            {
                var result = new byte[length];
                Array.Copy(buffer, offset, result, 0, length);
                return result;
            }
        }
        """);
}
