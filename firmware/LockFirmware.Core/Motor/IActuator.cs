namespace LockFirmware.Motor
{
    /// <summary>
    /// What the lock logic asks of the unit's actuator: the thumb-turn motor of a door unit
    /// (<see cref="MotorController"/>) or the strike of a port unit (Strike.StrikeController).
    /// Both report the end of a move through a <see cref="MoveFinishedHandler"/>.
    /// </summary>
    public interface IActuator
    {
        LockState State { get; }

        MotorAlarm LastAlarm { get; }

        /// <summary>True while a request runs (the motor is travelling); a strike switches at once and is never moving.</summary>
        bool IsMoving { get; }

        int CompletedLocks { get; }

        int CompletedUnlocks { get; }

        /// <summary>Battery millivolts under the last move's load; 0 when the actuator measured none.</summary>
        int LoadedMillivolts { get; }

        int LoadedMilliamps { get; }

        /// <summary>How long the last move kept its output on, ms.</summary>
        int OnTimeMs { get; }

        void RestoreCounts(int completedLocks, int completedUnlocks);

        MoveRequestResult Request(LockState target, long now);

        /// <summary>The outputs were cut behind the actuator's back (guard trip): the move is over.</summary>
        void Abort(MotorAlarm alarm, long now);
    }
}
