using System.Net.Http;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Client;

/// <summary>One lock of the simulator: inspect it, act on it physically, read its records, give it a phone.</summary>
public sealed class SimulatorLock
{
    private readonly SimulatorClient _client;

    internal SimulatorLock(SimulatorClient client, uint lockId)
    {
        _client = client;
        Id = lockId;
    }

    public uint Id { get; }

    private string Path => $"locks/{Id}";

    public Task<LockView> GetAsync() => _client.SendAsync<LockView>(HttpMethod.Get, Path);

    public async Task RemoveAsync() => (await _client.SendRawAsync(HttpMethod.Delete, Path)).Dispose();

    public Task<LockView> PressButtonAsync(int holdMs = 300) => Act(HttpMethod.Post, "button", new ButtonRequest { HoldMs = holdMs });

    /// <summary>The pack's condition changes in place (no power interruption).</summary>
    public Task<LockView> SetBatteryAsync(string preset) => Act(HttpMethod.Put, "battery", new BatteryRequest { Preset = preset });

    /// <summary>Power off, the new pack in, power on: the lock boots.</summary>
    public Task<LockView> ReplaceBatteryAsync(string preset) => Act(HttpMethod.Post, "battery/replace", new BatteryRequest { Preset = preset });

    public Task<LockView> SetDoorAsync(bool open) => Act(HttpMethod.Put, "door", new DoorRequest { Open = open });

    public Task<LockView> JamAsync(double fraction) => Act(HttpMethod.Put, "jam", new JamRequest { Fraction = fraction });

    public Task<LockView> ClearJamAsync() => Act(HttpMethod.Delete, "jam", null);

    public Task<LockView> SetFrictionAsync(double factor) => Act(HttpMethod.Put, "friction", new FrictionRequest { Factor = factor });

    public Task<LockView> SetMotorOpenCircuitAsync(bool openCircuit) => Act(HttpMethod.Put, "motor", new MotorFaultRequest { OpenCircuit = openCircuit });

    /// <summary>Cuts (false) or restores (true) a port or laundry unit's building supply; a door unit has none (400).</summary>
    public Task<LockView> SetMainsAsync(bool present) => Act(HttpMethod.Put, "mains", new MainsRequest { Present = present });

    public Task<LockView> SetPowerAsync(bool on) => Act(HttpMethod.Put, "power", new PowerRequest { On = on });

    public Task<AuditView> AuditAsync(uint since = 0) => _client.SendAsync<AuditView>(HttpMethod.Get, $"{Path}/audit?since={since}");

    public Task<TraceView> TraceAsync(long since = 0) => _client.SendAsync<TraceView>(HttpMethod.Get, $"{Path}/trace?since={since}");

    public async Task<string> VcdAsync()
    {
        using HttpResponseMessage response = await _client.SendRawAsync(HttpMethod.Get, $"{Path}/trace.vcd");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Pairs a stock unit as the installer does (long press, then PAIR): afterwards the lock's
    /// secret and the backend's credentials are the new secret's. A refusal is a result, not an exception.
    /// </summary>
    public Task<PairResult> PairAsync(string? secretHex = null, byte organisation = 1) =>
        _client.SendAsync<PairResult>(HttpMethod.Post, $"{Path}/pair", new PairRequest { Secret = secretHex, Organisation = organisation });

    /// <summary>A virtual staff phone carrying <paramref name="credential"/>.</summary>
    public SimulatorPhone Phone(CredentialView credential, int mtu = 23) => new(_client, Id, new PhoneRequest { Credential = credential.Credential, Key = credential.Key, Mtu = mtu });

    private Task<LockView> Act(HttpMethod method, string action, object? body) => _client.SendAsync<LockView>(method, $"{Path}/{action}", body);
}
