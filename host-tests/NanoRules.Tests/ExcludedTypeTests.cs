using Xunit;

namespace NanoRules.Tests;

/// <summary>
/// NF0020: types nanoFramework's real mscorlib marks [ExcludeType]. These snippets compile against
/// that mscorlib.dll alone, as the firmware does, so the rule reads the attribute from real metadata.
/// </summary>
public class ExcludedTypeTests
{
    [Fact]
    public void ExcludedTypesAreRefusedWhereverCodeNamesThem() => Snippet.VerifyForNano("""
        using System;
        using System.Reflection;

        class Probe
        {
            object missing = DBNull.Value;                          //! NF0020
            UIntPtr address;                                        //! NF0020
            BindingFlags flags = BindingFlags.Public;               //! NF0020 NF0020

            AttributeTargets Where() => AttributeTargets.Class;     //! NF0020 NF0020

            bool Run(object value)
            {
                var kind = Where();                                 //! NF0020
                return value is DBNull;                             //! NF0020
            }
        }
        """);

    [Fact]
    public void OurMemberHandingOutAnExcludedTypeIsRefusedOnceAtItsDeclaration() => Snippet.VerifyForNano("""
        class Source
        {
            public static System.AttributeTargets Targets;          //! NF0020
        }

        class User
        {
            int Count() => (int)Source.Targets;
        }
        """);

    [Fact]
    public void ExcludedTypesInsideAttributesPass() => Snippet.VerifyForNano("""
        using System;
        using System.Diagnostics;
        using System.Runtime.CompilerServices;

        [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
        sealed class BoardAttribute : Attribute
        {
        }

        [Flags]
        enum Leds { None = 0, Red = 1, Green = 2 }

        [Board]
        class Blinker
        {
            [DebuggerBrowsable(DebuggerBrowsableState.Never)]
            private int count;

            [MethodImpl(MethodImplOptions.Synchronized)]
            public void Toggle() { count++; }

            /// <summary>Not <see cref="DBNull"/>: a name in a doc comment is not a use.</summary>
            public object Nothing() => null;
        }
        """);

    [Fact]
    public void TheMessageNamesTheTypeAndWhy()
    {
        var finding = Assert.Single(Snippet.AnalyzeForNano("""
            class Probe
            {
                object value = System.DBNull.Value;
            }
            """));

        Assert.Equal(("NF0020", 3), (finding.Id, finding.Line));
        Assert.Contains("'System.DBNull' is marked ExcludeType", finding.Message);
        Assert.Contains("the runtime fails to resolve it", finding.Message);
    }

    [Fact]
    public void TheSameTypesOnTheDesktopFrameworkPass()
    {
        // Desktop .NET's DBNull carries no ExcludeType: the rule follows the referenced mscorlib, not a list.
        Assert.DoesNotContain(Snippet.Analyze("""
            class Probe
            {
                object value = System.DBNull.Value;
            }
            """), f => f.Id == "NF0020");
    }
}
