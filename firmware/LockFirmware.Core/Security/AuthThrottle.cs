namespace LockFirmware.Security
{
    /// <summary>
    /// Failed authentication slows the lock down: from the third failure in a row, further
    /// attempts are refused unchecked for a back-off that doubles from 250 ms up to 5 s, so
    /// guessing is slow but a staff member behind an attacker waits seconds, not hours.
    /// Ten failures in a row raise the tamper alarm (kept until a success).
    /// </summary>
    public sealed class AuthThrottle
    {
        public const int FreeFailures = 2;
        public const int FirstBackOffMs = 250;
        public const int MaxBackOffMs = 5000;
        public const int TamperFailures = 10;

        private long _blockedUntil;

        public int ConsecutiveFailures { get; private set; }

        public bool TamperAlarm { get; private set; }

        public bool IsBlocked(long now)
        {
            return now < _blockedUntil;
        }

        /// <summary>Records a failure; true when it just raised the tamper alarm.</summary>
        public bool Failure(long now)
        {
            ConsecutiveFailures++;
            if (ConsecutiveFailures > FreeFailures)
            {
                int shift = ConsecutiveFailures - FreeFailures - 1;
                long backOff = shift >= 5 ? MaxBackOffMs : (long)FirstBackOffMs << shift;
                _blockedUntil = now + (backOff > MaxBackOffMs ? MaxBackOffMs : backOff);
            }

            bool raised = !TamperAlarm && ConsecutiveFailures >= TamperFailures;
            TamperAlarm = TamperAlarm || raised;
            return raised;
        }

        public void Success()
        {
            ConsecutiveFailures = 0;
            _blockedUntil = 0;
            TamperAlarm = false;
        }
    }
}
