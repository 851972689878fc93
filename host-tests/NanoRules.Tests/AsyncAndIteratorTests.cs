using Xunit;

namespace NanoRules.Tests;

/// <summary>NF0003 (async/await) and NF0009 (yield iterators).</summary>
public class AsyncAndIteratorTests
{
    [Fact]
    public void AsyncMethodsLambdasAndAwaitAreRefused() => Snippet.Verify("""
        using System;
        using System.Threading.Tasks;

        class Link
        {
            async Task SendAsync()                          //! NF0003
            {
                await Task.Delay(1);                        //! NF0003
            }

            void Run()
            {
                Func<Task> later = async () => await Task.Yield();  //! NF0002 NF0003 NF0003
                async void Local() { await Task.Delay(1); }         //! NF0003 NF0003
                Local();
            }
        }
        """);

    [Fact]
    public void ThreadsAndCallbacksPass() => Snippet.Verify("""
        using System.Threading;

        delegate void SentHandler(bool ok);

        class Link
        {
            public event SentHandler? Sent;

            void Send()
            {
                new Thread(Work).Start();
            }

            void Work()
            {
                Thread.Sleep(1);
                Sent?.Invoke(true);
            }
        }
        """);

    [Fact]
    public void YieldIsRefused() => Snippet.Verify("""
        using System.Collections;

        class Source
        {
            IEnumerable Items()
            {
                yield return 1;                             //! NF0009
                yield break;                                //! NF0009
            }
        }
        """);

    [Fact]
    public void ReturningACollectionPasses() => Snippet.Verify("""
        using System.Collections;

        class Source
        {
            IEnumerable Items()
            {
                var items = new ArrayList();
                items.Add(1);
                return items;
            }
        }
        """);
}
