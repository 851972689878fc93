using System.Linq;
using Xunit;

namespace NanoRules.Tests;

/// <summary>The cases the firmware build's acceptance names, and a realistic file that must pass.</summary>
public class AcceptanceTests
{
    [Fact]
    public void GenericListIsRefused()
    {
        var findings = Snippet.Analyze("""
            class Store
            {
                private System.Collections.Generic.List<int> items = null!;
            }
            """);

        var finding = Assert.Single(findings);
        Assert.Equal(("NF0002", 3), (finding.Id, finding.Line));
        Assert.Contains("'System.Collections.Generic.List<int>' is a generic type", finding.Message);
    }

    [Fact]
    public void GenericClassIsRefused()
    {
        var finding = Assert.Single(Snippet.Analyze("class Box<T> {}"));

        Assert.Equal(("NF0001", 1), (finding.Id, finding.Line));
        Assert.Equal("nanoFramework 1.x cannot run generics: class 'Box<T>' declares type parameters; write a non-generic class", finding.Message);
    }

    [Fact]
    public void GenericActionIsRefusedWithAMessageNamingTheRule()
    {
        var finding = Assert.Single(Snippet.Analyze("""
            using System;

            class Buttons
            {
                public void OnPress(Action<int> handler) { }
            }
            """));

        Assert.Equal(("NF0002", 5), (finding.Id, finding.Line));
        Assert.Equal(
            "nanoFramework 1.x cannot run generics: 'System.Action<int>' is a generic delegate; declare a non-generic delegate of our own",
            finding.Message);
    }

    [Fact]
    public void AsyncMethodIsRefused()
    {
        var findings = Snippet.Analyze("""
            using System.Threading.Tasks;

            class Link
            {
                public async Task SendAsync()
                {
                    await Task.Delay(10);
                }
            }
            """);

        Assert.Equal(new[] { ("NF0003", 5), ("NF0003", 7) }, findings.Select(f => (f.Id, f.Line)));
        Assert.Contains("'SendAsync' is an async method", findings[0].Message);
    }

    [Fact]
    public void RealisticFirmwareFilePasses()
    {
        Assert.Empty(Snippet.Analyze("""
            using System;
            using System.Collections;
            using System.Diagnostics;
            using System.Threading;

            namespace Lock.Firmware
            {
                public enum DoorState { Locked, Unlocking, Unlocked, Locking, Fault }

                public struct Reading
                {
                    public readonly int Millivolts;
                    public readonly long Ticks;

                    public Reading(int millivolts, long ticks)
                    {
                        Millivolts = millivolts;
                        Ticks = ticks;
                    }

                    public override string ToString() => string.Format("{0} mV at {1}", Millivolts, Ticks);
                }

                public interface IMotor
                {
                    bool IsStalled { get; }
                    void Drive(bool forward);
                    void Stop();
                }

                public delegate void StateChangedHandler(object sender, DoorState from, DoorState to);

                /// <summary>Drives the door through its <see cref="DoorState"/>s. Unlike a
                /// <see cref="System.Collections.Generic.List{T}"/>, the history is an <see cref="ArrayList"/>.</summary>
                public sealed class DoorController : IDisposable
                {
                    private readonly object sync = new object();
                    private readonly IMotor motor;
                    private readonly ArrayList history = new ArrayList();
                    private readonly Hashtable faults = new Hashtable();
                    private readonly int[][] pattern = new int[2][];
                    private Thread? worker;
                    private DoorState state = DoorState.Locked;
                    private bool running;

                    public DoorController(IMotor motor)
                    {
                        this.motor = motor;
                        pattern[0] = new int[] { 1, 0, 1 };
                        pattern[1] = new int[3];
                    }

                    public event StateChangedHandler? StateChanged;

                    public DoorState State
                    {
                        get { lock (sync) { return state; } }
                    }

                    public int HistoryCount => history.Count;

                    public void Start()
                    {
                        running = true;
                        worker = new Thread(Run);
                        worker.Start();
                    }

                    public void Request(bool unlock)
                    {
                        lock (sync)
                        {
                            switch (state)
                            {
                                case DoorState.Locked when unlock:
                                    MoveTo(DoorState.Unlocking);
                                    break;
                                case DoorState.Unlocked when !unlock:
                                    MoveTo(DoorState.Locking);
                                    break;
                            }
                        }
                    }

                    public string Describe()
                    {
                        var text = "";
                        foreach (Reading reading in history)
                            text += reading.ToString() + "\n";
                        for (var i = 0; i < pattern.Length; i++)
                            text += pattern[i].Length.ToString("D2");
                        return text + $" ({faults.Count} faults, state {state})";
                    }

                    public void Dispose()
                    {
                        running = false;
                        worker?.Join();
                    }

                    private void Run()
                    {
                        while (running)
                        {
                            lock (sync)
                            {
                                if (motor.IsStalled)
                                    MoveTo(DoorState.Fault);
                                else if (state == DoorState.Unlocking)
                                    MoveTo(DoorState.Unlocked);
                                else if (state == DoorState.Locking)
                                    MoveTo(DoorState.Locked);
                            }

                            Thread.Sleep(10);
                        }
                    }

                    private void MoveTo(DoorState next)
                    {
                        var previous = state;
                        state = next;
                        history.Add(new Reading((int)next, DateTime.UtcNow.Ticks));
                        if (next == DoorState.Fault)
                            faults[DateTime.UtcNow.Ticks] = previous;
                        motor.Stop();
                        Debug.WriteLine("door " + previous.ToString() + " -> " + next.ToString());
                        StateChanged?.Invoke(this, previous, next);
                    }
                }
            }
            """));
    }
}
