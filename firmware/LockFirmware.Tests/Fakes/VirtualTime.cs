using LockFirmware.Time;

namespace LockFirmware.Tests.Fakes
{
    /// <summary>
    /// The device's dispatcher loop in virtual time: jumps the clock to each deadline armed in
    /// the core's <see cref="Timers"/> and hands it to the part under test, earliest first.
    /// </summary>
    public sealed class VirtualTime
    {
        public VirtualTime(long start)
        {
            Clock = new FakeClock();
            Clock.NowMilliseconds = start;
            Timers = new Timers();
        }

        public FakeClock Clock { get; private set; }

        public Timers Timers { get; private set; }

        public long Now
        {
            get { return Clock.NowMilliseconds; }
        }

        /// <summary>Delivers every deadline up to <paramref name="end"/>, then leaves the clock there.</summary>
        public void RunUntil(long end, DueHandler onDue)
        {
            while (Timers.NextDue <= end)
            {
                Clock.NowMilliseconds = Timers.NextDue;
                TimerId id;
                while (Timers.TakeDue(Clock.NowMilliseconds, out id))
                {
                    onDue(Clock.NowMilliseconds);
                }
            }

            Clock.NowMilliseconds = end;
        }
    }
}
