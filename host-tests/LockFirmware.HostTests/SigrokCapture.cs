namespace LockFirmware.HostTests;

/// <summary>
/// A rig recording as sigrok writes it (libsigrok 0.5.2's VCD output, converted by
/// sigrok-cli): 100 kHz, so a 10 us timescale, channels D0..D3, changes on the timestamp's
/// line. D0 is the button (bounces at 0.5 s), D1 green (0.53..4.53 s), D2 red: a 1 ms glitch
/// at 3 s, then one blink at 6.53..6.83 s; D3 is wired to something else. Ends at 25.5 s.
/// </summary>
internal static class SigrokCapture
{
    public const string Text = """
        $date Mon Nov 23 00:41:27 2026 $end
        $version libsigrok 0.5.2 $end
        $comment
          Acquisition with 4/4 channels at 100 kHz
        $end
        $timescale 10 us $end
        $scope module libsigrok $end
        $var wire 1 ! D0 $end
        $var wire 1 " D1 $end
        $var wire 1 # D2 $end
        $var wire 1 $ D3 $end
        $upscope $end
        $enddefinitions $end
        #0 0! 0" 0# 0$
        #10000 1$
        #50000 1!
        #50050 0!
        #50100 1!
        #53000 1"
        #80000 0!
        #300000 1#
        #300100 0#
        #453000 0"
        #653000 1#
        #683000 0#
        #2550000

        """;
}
