using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LockSimulator.Server.Hosting;

/// <summary>Puts a <see cref="MaskCheckingStream"/> under every WebSocket: installed before the WebSocket middleware takes the upgrade feature.</summary>
internal sealed class MaskCheckingUpgrade : IHttpUpgradeFeature
{
    private readonly IHttpUpgradeFeature _inner;

    private MaskCheckingUpgrade(IHttpUpgradeFeature inner)
    {
        _inner = inner;
    }

    public bool IsUpgradableRequest => _inner.IsUpgradableRequest;

    public static Task Install(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
        {
            context.Features.Set<IHttpUpgradeFeature>(new MaskCheckingUpgrade(upgrade));
        }

        return next(context);
    }

    public async Task<Stream> UpgradeAsync() => new MaskCheckingStream(await _inner.UpgradeAsync());
}
