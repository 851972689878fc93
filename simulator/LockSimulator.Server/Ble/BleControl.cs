namespace LockSimulator.Server.Ble;

/// <summary>
/// A text control message on a BLE WebSocket. From the client: {"type":"connect"},
/// {"type":"disconnect"}, {"type":"mtu","mtu":185}. From the server: "connected",
/// "disconnected" (with a reason), "mtu", "error" (with a detail).
/// </summary>
internal sealed record BleControl(string Type, int? Mtu = null, string? Reason = null, string? Detail = null, long? TimeMs = null);
