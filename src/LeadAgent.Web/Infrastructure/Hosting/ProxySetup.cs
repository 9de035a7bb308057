using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace LeadAgent.Web.Infrastructure.Hosting;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>
    /// Addresses (<c>10.0.0.5</c>) or networks (<c>10.0.0.0/24</c>) of the proxies in front of the app; empty means
    /// loopback only (a proxy on the same machine). Headers from anyone else are ignored.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    internal IEnumerable<IPNetwork> Networks() => KnownProxies.Count == 0
        ? [new IPNetwork(IPAddress.Loopback, 8), new IPNetwork(IPAddress.IPv6Loopback, 128)]
        : KnownProxies.Select(p => TryParse(p, out var network) ? network : throw new FormatException(p));

    internal static bool TryParse(string? text, out IPNetwork network)
    {
        text = text?.Trim();
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/'))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
                ? 32 : 128);
            return true;
        }
        return IPNetwork.TryParse(text, out network);
    }
}

/// <summary>
/// Serving behind a TLS-terminating reverse proxy: the client's address and scheme come from the forwarded headers of
/// known proxies only, so over HTTPS the cookies are <c>Secure</c> (their policy follows the request) and HSTS is sent.
/// </summary>
public static class ProxySetup
{
    public static IHostApplicationBuilder AddProxySupport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>()
            .BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.KnownProxies.All(p => ProxyOptions.TryParse(p, out _)),
                "ForwardedHeaders:KnownProxies must list IP addresses or networks, e.g. 10.0.0.5 or 10.0.0.0/24.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxies) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in proxies.Value.Networks())
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's scheme and address.</summary>
    public static WebApplication UseProxySupport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Only on HTTPS requests, and never for localhost (HstsOptions.ExcludedHosts).
            app.UseHsts();
        }
        return app;
    }
}
