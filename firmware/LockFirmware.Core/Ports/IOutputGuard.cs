namespace LockFirmware.Ports
{
    /// <summary>
    /// An independent guard over the outputs that drain the battery (the motor bridge and the
    /// test load). Once armed it stops them by itself, on its own thread or in hardware, if
    /// the lock logic does not check in again within the bound: a hung or crashed dispatcher
    /// can then not leave a stalled motor or the load on until the pack is flat.
    /// </summary>
    public interface IOutputGuard
    {
        /// <summary>(Re)starts the countdown: the outputs are stopped unless this is called again within <paramref name="withinMs"/>.</summary>
        void Arm(int withinMs);

        /// <summary>Nothing is energised: the countdown stops.</summary>
        void Disarm();

        /// <summary>True once the guard has stopped the outputs, until <see cref="Clear"/>.</summary>
        bool Tripped { get; }

        /// <summary>The lock logic has handled a trip.</summary>
        void Clear();
    }
}
