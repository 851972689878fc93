using Xunit;

namespace NanoRules.Tests;

/// <summary>NF0012 (multidimensional arrays) and NF0013 (pointers).</summary>
public class ArrayAndPointerTests
{
    [Fact]
    public void MultidimensionalArraysAreRefused() => Snippet.Verify("""
        class Grid
        {
            int[,] cells = new int[2, 3];                   //! NF0012 NF0012
            int[][,] mixed = null!;                         //! NF0012

            void Run()
            {
                var square = new[,] { { 1, 2 }, { 3, 4 } }; //! NF0012
            }
        }
        """);

    [Fact]
    public void JaggedAndFlatArraysPass() => Snippet.Verify("""
        class Grid
        {
            int[][] rows = new int[2][];
            int[] flat = new int[6];

            int Cell(int row, int column) => rows[row][column] + flat[row * 3 + column];
        }
        """);

    [Fact]
    public void PointersAreRefused() => Snippet.Verify("""
        unsafe class Raw
        {
            int* field;                                     //! NF0013

            void Run(byte* data)                            //! NF0013
            {
                int x = 1;
                int* direct = &x;                           //! NF0013
                var inferred = &x;                          //! NF0013
            }
        }
        """);

    [Fact]
    public void ArraysWithIndexesPass() => Snippet.Verify("""
        class Raw
        {
            byte[] data = new byte[4];
            int index;

            byte Next() => data[index++];
        }
        """);
}
