namespace LockFirmware.SelfTest
{
    /// <summary>Raised when the self-test's LED sequence has ended.</summary>
    public delegate void SelfTestFinishedHandler(SelfTestOutcome outcome, int loadedMillivolts);
}
