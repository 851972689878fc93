using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using LockSimulator.Cli.Commands;

namespace LockFirmware.ToolTests;

/// <summary>
/// The <c>--report</c> page rendered in a real browser: headless Chromium (Debian's
/// <c>chromium</c> package; CI installs it) loads each page from disk, its DOM holds the
/// diagram and the verdict, and its screenshot shows the verdict's colour: green for a PASS,
/// red for a FAIL, and the red 20 s limit line on both.
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    private const int PassGreen = 0x2e7d32;
    private const int FailRed = 0xc62828;
    private const int BannerRows = 130;

    private readonly string _dir = Directory.CreateTempSubdirectory("report-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_PASS_and_FAIL_pages_render_in_headless_Chromium()
    {
        string pass = Report("good", 0);
        string fail = Report("depleted", 1);

        Task<string> passShot = Screenshot(pass);
        Task<string> failShot = Screenshot(fail);
        string dom = await Chromium("--dump-dom", new Uri(fail).AbsoluteUri);

        Assert.Contains("<svg", dom);
        Assert.Contains("red by 20 s", dom);
        Assert.Contains("no red blink within 20.00 s of the press", dom);
        Assert.Contains("Report the lock to service", dom);

        PngPixels passPixels = PngPixels.Read(await passShot);
        PngPixels failPixels = PngPixels.Read(await failShot);
        Assert.Equal(1040, passPixels.Width);
        Assert.True(passPixels.Count(PassGreen, 0, BannerRows) > 5_000, "the PASS banner is not green");
        Assert.Equal(0, passPixels.Count(FailRed, 0, BannerRows));
        Assert.True(failPixels.Count(FailRed, 0, BannerRows) > 5_000, "the FAIL banner is not red");
        Assert.Equal(0, failPixels.Count(PassGreen, 0, BannerRows));
        Assert.True(passPixels.Count(FailRed, BannerRows, passPixels.Height) > 0, "no red limit line or label under the PASS banner");
    }

    private string Report(string battery, int exit)
    {
        string page = Path.Combine(_dir, battery + ".html");
        Assert.Equal(exit, SelfTestCommand.Run(["--battery", battery, "--report", page], new StringWriter(), new StringWriter()));
        return page;
    }

    private async Task<string> Screenshot(string page)
    {
        string png = Path.ChangeExtension(page, ".png");
        await Chromium($"--screenshot={png}", new Uri(page).AbsoluteUri);
        Assert.True(File.Exists(png), "Chromium wrote no screenshot");
        return png;
    }

    /// <summary>Runs headless Chromium on one page; returns what it printed on stdout.</summary>
    private async Task<string> Chromium(string action, string url)
    {
        string profile = Directory.CreateTempSubdirectory("chromium-").FullName; // one each: two instances may run at once
        var start = new ProcessStartInfo("chromium")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1040,1000", "--user-data-dir=" + profile, action, url })
        {
            start.ArgumentList.Add(arg);
        }

        Process child;
        try
        {
            child = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("headless Chromium is needed: apt-get install -y chromium (.ci/run installs it)", e);
        }

        using (child)
        {
            Task<string> stdout = child.StandardOutput.ReadToEndAsync();
            Task<string> stderr = child.StandardError.ReadToEndAsync();
            using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(60));
            await child.WaitForExitAsync(timeout.Token);
            Assert.True(child.ExitCode == 0, $"chromium exited {child.ExitCode}: {await stderr}");
            Directory.Delete(profile, recursive: true);
            return await stdout;
        }
    }
}
