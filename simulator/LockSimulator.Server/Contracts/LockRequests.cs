namespace LockSimulator.Server.Contracts;

/// <summary>A new simulated lock: how it is built and where it starts.</summary>
public sealed record CreateLockRequest
{
    /// <summary>The lock id the backend knows it by (also its id in the URLs).</summary>
    public required uint LockId { get; init; }

    /// <summary>Serial printed on the unit, 1 to 8 printable ASCII characters; "S" + the lock id when left out.</summary>
    public string? Serial { get; init; }

    /// <summary>Battery preset: good, low, depleted, gas-risk, passivated.</summary>
    public string Battery { get; init; } = "good";

    /// <summary>The kind of unit: door (the customer's door, thumb-turn motor), port (the building's entrance) or laundry (the laundry room); port and laundry units drive an electric strike.</summary>
    public string Kind { get; init; } = "door";

    /// <summary>Thumb-turn position at start: 0 locked … 1 unlocked.</summary>
    public double StartFraction { get; init; }

    /// <summary>Arrives paired (its flash holds the lock id and secret); false = a stock unit.</summary>
    public bool Paired { get; init; } = true;

    /// <summary>The lock secret, 64 hex digits; derived from the server's seed and the lock id when left out.</summary>
    public string? Secret { get; init; }
}

/// <summary>A press of the push button.</summary>
public sealed record ButtonRequest
{
    /// <summary>How long the button is held, ms (30 … 20 000; 5 000 or more opens the pairing window).</summary>
    public int HoldMs { get; init; } = 300;
}

/// <summary>A battery preset: good, low, depleted, gas-risk, passivated.</summary>
public sealed record BatteryRequest
{
    public required string Preset { get; init; }
}

/// <summary>The door as someone leaves it.</summary>
public sealed record DoorRequest
{
    public required bool Open { get; init; }
}

/// <summary>Something blocks the thumb-turn at this fraction of its travel (0 … 1).</summary>
public sealed record JamRequest
{
    public required double Fraction { get; init; }
}

/// <summary>A stiff or misaligned door multiplies the cylinder's torque by this factor (0.1 … 10).</summary>
public sealed record FrictionRequest
{
    public required double Factor { get; init; }
}

/// <summary>Breaks (true) or mends (false) the motor winding.</summary>
public sealed record MotorFaultRequest
{
    public required bool OpenCircuit { get; init; }
}

/// <summary>A software fault injected into the board (see SimulatedLock.Inject…).</summary>
public sealed record FaultRequest
{
    /// <summary>hang, gc-pause, flash-commit, adapter-throws or callback-throws.</summary>
    public required string Kind { get; init; }

    /// <summary>How long a hang, GC pause or flash commit lasts, ms.</summary>
    public int Ms { get; init; }

    /// <summary>When, in ms from the lock's now (e.g. mid-move of a command sent next).</summary>
    public int AfterMs { get; init; }
}

/// <summary>Connects (true) or disconnects (false) the battery.</summary>
public sealed record PowerRequest
{
    public required bool On { get; init; }
}

/// <summary>The building's supply of a port or laundry unit: there (true) or cut (false).</summary>
public sealed record MainsRequest
{
    public required bool Present { get; init; }
}

/// <summary>Many locks at once, with consecutive lock ids from <see cref="FirstLockId"/>; each as <see cref="CreateLockRequest"/> would make it (serial and secret derived).</summary>
public sealed record CreateLocksRequest
{
    /// <summary>Lock id of the first lock; the others follow one by one.</summary>
    public required uint FirstLockId { get; init; }

    /// <summary>How many locks, 1 … 50 000 per request.</summary>
    public required int Count { get; init; }

    /// <summary>Battery preset of every lock: good, low, depleted, gas-risk, passivated.</summary>
    public string Battery { get; init; } = "good";

    /// <summary>Thumb-turn position at start: 0 locked … 1 unlocked.</summary>
    public double StartFraction { get; init; }

    /// <summary>Arrive paired, each with the secret derived from the server's seed and its lock id.</summary>
    public bool Paired { get; init; } = true;

    /// <summary>The kind of every unit: door, port or laundry (as <see cref="CreateLockRequest.Kind"/>).</summary>
    public string Kind { get; init; } = "door";
}
