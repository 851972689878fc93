using Xunit;

namespace NanoRules.Tests;

/// <summary>NF0001 (generic declarations) and NF0002 (uses of generics, written or inferred).</summary>
public class GenericTests
{
    [Fact]
    public void EveryKindOfGenericDeclarationIsRefused() => Snippet.Verify("""
        class Box<T> { }                            //! NF0001
        struct Pair<TA, TB> { }                     //! NF0001
        interface ISource<T> { }                    //! NF0001
        delegate void Handler<T>(T value);          //! NF0001

        class Util
        {
            static T Echo<T>(T value) => value;     //! NF0001

            int Run()
            {
                int Local<T>(T value) => 0;         //! NF0001
                return Local(1) + Echo(2);          //! NF0002 NF0002
            }
        }
        """);

    [Fact]
    public void NonGenericDeclarationsPass() => Snippet.Verify("""
        class Box { public object? Value; }
        struct Pair { public int A; public int B; }
        interface ISource { object Read(); }
        delegate void Handler(object value);

        class Util
        {
            static object Echo(object value) => value;

            int Run()
            {
                int Local(int value) => value;
                return Local(1) + (int)Echo(2);
            }
        }
        """);

    [Fact]
    public void WrittenGenericTypesAndMethodsAreRefused() => Snippet.Verify("""
        using System;
        using System.Collections.Generic;

        class Device
        {
            List<int> readings = new List<int>();               //! NF0002 NF0002
            Action<int>? callback;                              //! NF0002
            Func<int, int> twice = x => x * 2;                  //! NF0002
            public event EventHandler<EventArgs>? Changed;      //! NF0002
            Dictionary<string, List<int>> index = null!;        //! NF0002 NF0002

            string[] Names() => Array.Empty<string>();          //! NF0002
        }
        """);

    [Fact]
    public void InferredGenericsAreRefused() => Snippet.Verify("""
        using System;
        using System.Collections.Generic;

        class Device
        {
            readonly List<int> readings = null!;                //! NF0002

            static T First<T>(T[] items) => items[0];           //! NF0001
            List<int> Readings() => readings;                   //! NF0002
            void Take(List<int> values) { }                     //! NF0002
            void OnChanged(object? sender, EventArgs e) { }
            void Subscribe(Action<int> handler) { }             //! NF0002
            public event EventHandler<EventArgs>? Changed;      //! NF0002

            void Run()
            {
                var list = new List<int>();                     //! NF0002
                var copy = Readings();                          //! NF0002
                var first = First(new[] { 1, 2 });              //! NF0002
                Subscribe(value => { });                        //! NF0002
                Changed += OnChanged;                           //! NF0002
                foreach (int reading in readings) { }           //! NF0002
                var pair = new { Key = 1, Value = 2 };          //! NF0002
                Take(new());                                    //! NF0002
            }
        }
        """);

    [Fact]
    public void NonGenericCollectionsAndOwnDelegatesPass() => Snippet.Verify("""
        using System;
        using System.Collections;

        delegate void ReadingHandler(object sender, int value);

        class Device
        {
            readonly ArrayList readings = new ArrayList();
            readonly Hashtable names = new Hashtable();
            ReadingHandler? handler;
            public event ReadingHandler? Reading;
            public event EventHandler? Plain;

            void Run()
            {
                handler = (sender, value) => { };
                Reading += OnReading;
                Plain += (sender, e) => { };
                foreach (object reading in readings) { }
                foreach (int b in new int[3]) { }
                foreach (char c in "abc") { }
                names["door"] = readings.Count;
                Reading?.Invoke(this, 3);
                handler?.Invoke(this, 4);
            }

            void OnReading(object sender, int value) { }
        }
        """);
}
