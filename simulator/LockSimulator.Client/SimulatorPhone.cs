using System.Net.Http;
using System.Threading.Tasks;
using LockSimulator.Server.Contracts;

namespace LockSimulator.Client;

/// <summary>A virtual staff phone: each call is one whole app operation, virtual time passing while it runs.</summary>
public sealed class SimulatorPhone
{
    private readonly SimulatorClient _client;
    private readonly uint _lockId;
    private readonly PhoneRequest _carried;

    internal SimulatorPhone(SimulatorClient client, uint lockId, PhoneRequest carried)
    {
        _client = client;
        _lockId = lockId;
        _carried = carried;
    }

    public Task<PhoneResult> UnlockAsync() => Run("unlock");

    public Task<PhoneResult> LockAsync() => Run("lock");

    public Task<PhoneResult> StatusAsync() => Run("status");

    /// <summary>Status, the audit records not yet synced, their acknowledgement; uploaded to the webhook.</summary>
    public Task<PhoneResult> SyncAsync() => Run("sync");

    public Task<PhoneResult> SelfTestAsync() => Run("selftest");

    public Task<PhoneResult> RegisterBatteryChangeAsync() => Run("battery-change");

    private Task<PhoneResult> Run(string operation) => _client.SendAsync<PhoneResult>(HttpMethod.Post, $"locks/{_lockId}/phone/{operation}", _carried);
}
