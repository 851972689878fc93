namespace LockFirmware.Storage
{
    /// <summary>
    /// The file names of an audit ring's segments (PREFIX00, PREFIX01, ... PREFIX100 ...), made once
    /// per prefix and ring size and shared by every log that asks: strings never change, and each
    /// new log made its own 64 or 128 of them (about 2 KB of heap on the board, where a
    /// provisioning view and the lock's own log each had a set; a simulated fleet made them again
    /// for every lock).
    /// </summary>
    internal static class SegmentNames
    {
        // A unit uses one ring size, tests and the simulator a few: a short list is enough.
        private const int Kept = 4;
        private static readonly object Gate = new object();
        private static readonly string[] Prefixes = new string[Kept];
        private static readonly string[][] Tables = new string[Kept][];
        private static int _next;

        public static string[] For(string prefix, int count)
        {
            lock (Gate)
            {
                for (int i = 0; i < Kept; i++)
                {
                    if (Tables[i] != null && Tables[i].Length == count && Prefixes[i] == prefix)
                    {
                        return Tables[i];
                    }
                }

                string[] names = Make(prefix, count);
                Prefixes[_next] = prefix;
                Tables[_next] = names;
                _next = (_next + 1) % Kept;
                return names;
            }
        }

        private static string[] Make(string prefix, int count)
        {
            string[] names = new string[count];
            char[] digits = new char[3];
            for (int i = 0; i < count; i++)
            {
                // Two digits up to 99 (audit00 ... audit63 on a door unit), three beyond (a port unit's audit100 ...).
                int length = i < 100 ? 2 : 3;
                digits[length - 2] = (char)('0' + i / 10 % 10);
                digits[length - 1] = (char)('0' + i % 10);
                if (length == 3)
                {
                    digits[0] = (char)('0' + i / 100);
                }

                names[i] = prefix + new string(digits, 0, length);
            }

            return names;
        }
    }
}
