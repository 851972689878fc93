namespace LockFirmware.Ports
{
    /// <summary>The two indicator LEDs on the unit's front.</summary>
    public enum Led
    {
        Green,
        Red
    }

    public interface ILeds
    {
        void Set(Led led, bool on);
    }
}
