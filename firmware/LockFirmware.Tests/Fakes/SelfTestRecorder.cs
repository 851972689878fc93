using LockFirmware.SelfTest;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>Catches SelfTestSequence.Finished: how often it came, and the last result.</summary>
    public sealed class SelfTestRecorder
    {
        public int Count { get; private set; }

        public SelfTestOutcome Outcome { get; private set; }

        public int LoadedMillivolts { get; private set; }

        public void OnFinished(SelfTestOutcome outcome, int loadedMillivolts)
        {
            Count++;
            Outcome = outcome;
            LoadedMillivolts = loadedMillivolts;
        }
    }
}
