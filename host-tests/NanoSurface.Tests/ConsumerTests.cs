using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace NanoSurface.Tests;

/// <summary>What firmware sees: the nanoFramework API compiles, the desktop-only API does not.</summary>
[Collection(SurfaceCollection.Name)]
public sealed class ConsumerTests(GeneratedSurface surface)
{
    private const string LockProgram = """
        using System;
        using System.Collections;
        using System.Device.Gpio;
        using System.Diagnostics;
        using System.Security.Cryptography;
        using System.Text;
        using System.Threading;
        using nanoFramework.Device.Bluetooth;
        using nanoFramework.Device.Bluetooth.GenericAttributeProfile;

        namespace Lock
        {
            public enum Bolt { Unknown, Locked, Unlocked }

            public struct Reading
            {
                public int Millivolts;
                public Bolt Bolt;

                public Reading(int millivolts, Bolt bolt)
                {
                    Millivolts = millivolts;
                    Bolt = bolt;
                }
            }

            public delegate void BoltChangedHandler(object sender, Bolt bolt);

            public static class Program
            {
                private static readonly GpioController Gpio = new GpioController();
                private static readonly ArrayList Log = new ArrayList();
                private static GpioPin _led;

                public static event BoltChangedHandler BoltChanged;

                public static void Main()
                {
                    _led = Gpio.OpenPin(2, PinMode.Output);
                    _led.Write(PinValue.High);
                    GpioPin button = Gpio.OpenPin(0, PinMode.InputPullUp);
                    button.ValueChanged += OnButton;

                    BoltChanged += (sender, bolt) => Log.Add(bolt);
                    BoltChanged?.Invoke(null, Bolt.Locked);

                    byte[] key = new byte[32];
                    using (var hmac = new HMACSHA256(key))
                    {
                        byte[] tag = hmac.ComputeHash(Encoding.UTF8.GetBytes("unlock"));
                        foreach (byte b in tag)
                        {
                            Log.Add(b);
                        }
                    }

                    string text = Encoding.UTF8.GetString(key, 0, key.Length);
                    Reading[] readings = { new Reading(3300, Bolt.Locked), new Reading(3100, Bolt.Unlocked) };
                    int total = 0;
                    foreach (Reading reading in readings)
                    {
                        total += reading.Millivolts;
                    }

                    GattServiceProviderResult result = GattServiceProvider.Create(new Guid("a7f3c1d2-0000-4000-8000-00805f9b34fb"));
                    if (result.Error == BluetoothError.Success)
                    {
                        result.ServiceProvider.StartAdvertising();
                    }

                    var worker = new Thread(() => Thread.Sleep(10));
                    worker.Start();
                    lock (Log)
                    {
                        Log.Clear();
                    }

                    Debug.WriteLine("total " + total + " mV, " + text.Length + " chars, " + (object)Log[0]);
                    Thread.Sleep(Timeout.Infinite);
                }

                private static void OnButton(object sender, PinValueChangedEventArgs e)
                {
                    if (e.ChangeType == PinEventTypes.Falling)
                    {
                        _led.Toggle();
                    }
                }
            }
        }
        """;

    [Fact]
    public void A_nanoFramework_program_compiles_against_the_generated_assemblies_alone()
    {
        IReadOnlyList<Diagnostic> errors = surface.CompileAgainstSurface(LockProgram);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [InlineData("List<T>", "class C { object M() => new System.Collections.Generic.List<int>(); }", "CS0234")]
    [InlineData("LINQ", "using System.Linq; class C { int M(int[] a) => a.Count(x => x > 0); }", "CS0234")]
    [InlineData("Span<T>", "class C { int M(byte[] a) { System.Span<byte> s = a; return s.Length; } }", "CS0234")]
    [InlineData("Task", "class C { System.Threading.Tasks.Task M() => null; }", "CS0234")]
    [InlineData("tuple", "class C { object M() { var t = (1, 2); return t.Item1; } }", "CS8179")]
    [InlineData("async", "class C { async void M() { } }", "CS0518")]
    public void Desktop_only_api_does_not_compile(string feature, string source, string expectedError)
    {
        IReadOnlyList<Diagnostic> errors = surface.CompileAgainstSurface(source);
        Assert.True(errors.Any(e => e.Id == expectedError), $"{feature}: expected {expectedError}, got: {string.Join("\n", errors)}");
    }
}
