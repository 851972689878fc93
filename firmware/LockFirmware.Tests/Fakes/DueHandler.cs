namespace LockFirmware.Tests.Fakes
{
    /// <summary>The part under test's timer callback (MotorController.OnStep, SelfTestSequence.OnStep).</summary>
    public delegate void DueHandler(long now);
}
