using Xunit;

namespace NanoRules.Tests;

/// <summary>NF0008 (nullable value types), NF0010 (decimal), NF0011 (dynamic), NF0019 (nint/nuint).</summary>
public class ValueTypeTests
{
    [Fact]
    public void NullableValueTypesAreRefused() => Snippet.Verify("""
        class Gauge
        {
            int? count;                                     //! NF0008
            System.Nullable<int> other;                     //! NF0008

            int Length(string? text)
            {
                var n = text?.Length;                       //! NF0008
                if (text?.Length > 3)                       //! NF0008
                    return 1;
                return 0;
            }
        }
        """);

    [Fact]
    public void PlainValuesAndNullableReferencesPass() => Snippet.Verify("""
        delegate void Changed(int value);

        class Gauge
        {
            int count;
            bool hasCount;
            string? label;
            public event Changed? OnChanged;

            string Describe(string? text)
            {
                OnChanged?.Invoke(count);
                return text?.ToString() + label + (hasCount ? count.ToString() : "none");
            }
        }
        """);

    [Fact]
    public void DecimalIsRefused() => Snippet.Verify("""
        class Price
        {
            decimal amount;                                 //! NF0010
            System.Decimal other;                           //! NF0010

            void Run()
            {
                var rate = 1.5m;                            //! NF0010
            }
        }
        """);

    [Fact]
    public void FixedPointAndDoublePass() => Snippet.Verify("""
        class Price
        {
            long cents = 150;
            double rate = 1.5;
            float gain = 0.5f;
        }
        """);

    [Fact]
    public void DynamicIsRefused() => Snippet.Verify("""
        class Bag
        {
            dynamic value = 1;                              //! NF0011
        }
        """);

    [Fact]
    public void ObjectAndAVariableNamedDynamicPass() => Snippet.Verify("""
        class Bag
        {
            object value = 1;

            int Run()
            {
                int dynamic = 3;
                return dynamic + (int)value;
            }
        }
        """);

    [Fact]
    public void NativeIntegersAreRefused() => Snippet.Verify("""
        class Registers
        {
            nint offset;                                    //! NF0019
            nuint mask;                                     //! NF0019
        }
        """);

    [Fact]
    public void IntAndUintPass() => Snippet.Verify("""
        class Registers
        {
            int offset;
            uint mask;
        }
        """);
}
