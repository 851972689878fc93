using Xunit;

namespace NanoRules.Tests;

/// <summary>NF0015 (init), NF0016 (default interface members), NF0017 (ranges and indexes from the end).</summary>
public class NewerSyntaxTests
{
    [Fact]
    public void InitOnlySettersAreRefused() => Snippet.Verify("""
        class Settings
        {
            public int Timeout { get; init; }               //! NF0015
        }
        """);

    [Fact]
    public void SettersAndConstructorSetPropertiesPass() => Snippet.Verify("""
        class Settings
        {
            public Settings(int retries) { Retries = retries; }
            public int Timeout { get; set; }
            public int Retries { get; }
        }
        """);

    [Fact]
    public void InterfaceMembersWithBodiesAreRefused() => Snippet.Verify("""
        interface IMotor
        {
            void Stop();
            void Start() { }                                //! NF0016
            int Speed => 0;                                 //! NF0016
            int Mode { get { return 0; } }                  //! NF0016
        }
        """);

    [Fact]
    public void AbstractInterfaceMembersPass() => Snippet.Verify("""
        delegate void Stalled(object sender);

        interface IMotor
        {
            int Speed { get; set; }
            event Stalled Stalled;
            void Stop();
            int this[int index] { get; }
        }
        """);

    [Fact]
    public void RangesAndIndexesFromTheEndAreRefused() => Snippet.Verify("""
        class Slicer
        {
            void Run(int[] values, string text)
            {
                var last = values[^1];                      //! NF0017
                var middle = text[1..3];                    //! NF0017
                var tail = values[^2..];                    //! NF0017
            }
        }
        """);

    [Fact]
    public void ExplicitIndexesAndSubstringPass() => Snippet.Verify("""
        class Slicer
        {
            void Run(int[] values, string text)
            {
                var last = values[values.Length - 1];
                var middle = text.Substring(1, 2);
            }
        }
        """);
}
