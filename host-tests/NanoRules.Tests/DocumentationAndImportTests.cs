using Xunit;

namespace NanoRules.Tests;

/// <summary>Names in doc-comment crefs are not uses; imports of LINQ are.</summary>
public class DocumentationAndImportTests
{
    [Fact]
    public void CrefsToRefusedTypesPass() => Snippet.Verify("""
        /// <summary>
        /// Not a <see cref="System.Collections.Generic.List{T}"/>, nor <see cref="decimal"/>,
        /// <see cref="System.Decimal"/> or <see cref="System.Nullable{T}"/>; see <see cref="Grid.Set(int[], int)"/>.
        /// </summary>
        class Grid
        {
            /// <summary>Like <see cref="Set(int[], int)"/>.</summary>
            public void Set(int[] cells, int value) { }
        }
        """);

    [Fact]
    public void EveryWayOfImportingLinqIsRefused() => Snippet.Verify("""
        using System.Linq;                                  //! NF0004
        using static System.Linq.Enumerable;                //! NF0004
        using Seq = System.Linq.Enumerable;                 //! NF0004

        class Empty { }
        """);
}
