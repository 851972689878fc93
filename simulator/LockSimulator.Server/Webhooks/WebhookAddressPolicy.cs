using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace LockSimulator.Server.Webhooks;

/// <summary>
/// Where a webhook may connect: not to link-local addresses (169.254.0.0/16, fe80::/10, and the
/// cloud metadata services' fd00:ec2::254) unless allowed. Checked on the resolved address at
/// connect time, so a name that resolves (or is rebound) to such an address is refused as well.
/// </summary>
internal sealed class WebhookAddressPolicy
{
    private static readonly IPAddress AwsMetadataV6 = IPAddress.Parse("fd00:ec2::254");

    private readonly bool _allowLinkLocal;

    public WebhookAddressPolicy(bool allowLinkLocal)
    {
        _allowLinkLocal = allowLinkLocal;
    }

    /// <summary>A URL whose host is, literally, a link-local or metadata address or name.</summary>
    public static bool IsMetadataHost(Uri url) =>
        url.Host.Equals("metadata.google.internal", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(url.Host.Trim('[', ']'), out IPAddress? ip) && IsLinkLocal(ip));

    public static bool IsLinkLocal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            byte[] b = address.GetAddressBytes();
            return b[0] == 169 && b[1] == 254;
        }

        return address.IsIPv6LinkLocal || address.Equals(AwsMetadataV6);
    }

    public async ValueTask<System.IO.Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancel)
    {
        IPAddress[] addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancel);
        IPAddress[] allowed = _allowLinkLocal ? addresses : addresses.Where(a => !IsLinkLocal(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves only to link-local (metadata) addresses: refused");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancel);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
