using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace NanoRules.Tests;

/// <summary>NF0006 (records), NF0007 (tuples) and NF0018 ('with').</summary>
public class RecordTupleTests
{
    [Fact]
    public void RecordsAndWithAreRefused() => Snippet.Verify("""
        record Point(int X, int Y);                         //! NF0006

        class Mover
        {
            Point Shift(Point p) => p with { X = p.X + 1 };  //! NF0018
        }
        """);

    [Fact]
    public void RecordStructIsRefused() => Snippet.Verify("""
        record struct Pixel(int X, int Y);                  //! NF0006
        """, LanguageVersion.CSharp10);

    [Fact]
    public void ClassesStructsAndExplicitCopiesPass() => Snippet.Verify("""
        class Point
        {
            public Point(int x, int y) { X = x; Y = y; }
            public int X { get; }
            public int Y { get; }
        }

        struct Pixel { public int X; public int Y; }

        class Mover
        {
            Point Shift(Point p) => new Point(p.X + 1, p.Y);
        }
        """);

    [Fact]
    public void TuplesAreRefused() => Snippet.Verify("""
        class Pairs
        {
            (int, string) Pair() => (1, "a");               //! NF0007 NF0007

            void Run()
            {
                var t = (1, 2);                             //! NF0007
                int a = 1, b = 2;
                (a, b) = (b, a);                            //! NF0007
                var (x, y) = Pair();                        //! NF0007
                System.ValueTuple<int, int> v = default;    //! NF0007
                var p = Pair();                             //! NF0007
                foreach (var (k, w) in new[] { (1, 2) }) { }    //! NF0007 NF0007
            }
        }
        """);

    [Fact]
    public void OutParametersAndOwnStructsPass() => Snippet.Verify("""
        struct Pair
        {
            public int Number;
            public string Name;
        }

        class Pairs
        {
            void Get(out int number, out string name) { number = 1; name = "a"; }

            Pair Make()
            {
                Get(out var number, out var name);
                var pair = new Pair();
                pair.Number = number;
                pair.Name = name;
                var swap = pair.Number;
                pair.Number = 2;
                return pair;
            }
        }
        """);
}
