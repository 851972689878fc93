using System.IO;
using System.Text.RegularExpressions;
using LockSimulator.Cli.Commands;

namespace LockFirmware.HostTests;

/// <summary><c>battery-life</c> as product and support run it: its figures follow its options, and bad options change nothing.</summary>
public sealed class BatteryLifeCommandTests
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    private int Run(params string[] args) => BatteryLifeCommand.Run(args, _out, _err);

    private double Months()
    {
        // The last run's figure: the writer keeps every run's output.
        MatchCollection matches = Regex.Matches(_out.ToString(), @"^Estimated life: ([0-9.]+) months", RegexOptions.Multiline);
        Assert.NotEmpty(matches);
        return double.Parse(matches[^1].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Reference_usage_on_the_low_power_design_prints_more_than_twelve_months()
    {
        Assert.Equal(0, Run());

        Assert.True(Months() >= 12, _out.ToString());
        Assert.Contains("Low warning (\"about to become unavailable\")", _out.ToString());
        Assert.Contains("light sleep, BLE kept, 32.768 kHz crystal", _out.ToString());
    }

    [Fact]
    public void Faster_advertising_and_more_visits_shorten_the_life()
    {
        Run();
        double reference = Months();
        Run("--adv-interval-ms", "500");
        double faster = Months();
        Run("--visits", "12");
        double busier = Months();

        Assert.True(faster < reference && busier < reference, $"{reference} {faster} {busier}");
    }

    [Theory]
    [InlineData("--profile", "deep-sleep")]
    [InlineData("--visits", "-1")]
    [InlineData("--adv-interval-ms", "5")]
    [InlineData("--chip", "esp32")]
    [InlineData("--pack", "alkaline")]
    [InlineData("--unknown", "1")]
    [InlineData("--visits")]
    public void Bad_options_get_a_clear_error_and_exit_2(params string[] args)
    {
        Assert.Equal(2, Run(args));

        Assert.Empty(_out.ToString());
        Assert.StartsWith("battery-life: ", _err.ToString());
    }

    [Fact]
    public void The_stock_image_cannot_take_an_advertising_interval()
    {
        Assert.Equal(2, Run("--profile", "stock", "--adv-interval-ms", "1000"));

        Assert.Contains("stock image", _err.ToString());
    }
}
