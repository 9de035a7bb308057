using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Infrastructure.Net;

/// <summary>A connection refused because the host is (or resolves to) an address outbound calls must not
/// reach.</summary>
public sealed class PrivateTargetException(string host, IPAddress address)
    : IOException($"{host} resolves to {address}, a private, loopback or link-local address; outbound calls go to " +
        $"public addresses only (see Network:AllowedPrivateRanges).");

/// <summary>
/// The one guard for outbound HTTP to addresses an admin (or a crawled page) chooses: <see cref="CreateHandler"/>
/// checks the address it actually connects to, after resolving the name, so a DNS answer that changes between a check
/// and the connection (rebinding) cannot slip through; <see cref="ProblemWithAsync"/> checks a URL up front, for a
/// field error when it is entered.
/// </summary>
public sealed class PrivateNetworkGuard(IOptions<NetworkOptions> options)
{
    private readonly IReadOnlyList<IPNetwork> _allowed = options.Value.Ranges;

    public bool Allows(IPAddress address)
    {
        var a = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return !PrivateAddresses.IsPrivate(a) || _allowed.Any(n => n.Contains(a));
    }

    /// <summary>Null when the URL may be called; otherwise why not, for the field's error.</summary>
    public async Task<string?> ProblemWithAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return "Must be an http(s) address.";
        }
        if (uri.UserInfo.Length > 0)
        {
            return "Must not contain a user name or password.";
        }
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return null; // not resolvable now: every connection is checked again anyway
        }
        return addresses.FirstOrDefault(a => !Allows(a)) is { } blocked
            ? $"{uri.Host} is or resolves to {blocked}, a private, loopback or link-local address; only public " +
                "addresses can be called."
            : null;
    }

    /// <summary>A handler whose every connection goes to an allowed address (no proxy, no redirects
    /// followed).</summary>
    public SocketsHttpHandler CreateHandler() => CreateHandler((_, a) => Allows(a));

    /// <summary>
    /// The same, with a stricter rule of its own (the crawler ignores the ranges an admin allowed for the inbox):
    /// <paramref name="allows"/> is asked for every address of every endpoint a connection goes to.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(Func<DnsEndPoint, IPAddress, bool> allows) => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectCallback = (context, ct) => ConnectAsync(context, allows, ct),
    };

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context,
        Func<DnsEndPoint, IPAddress, bool> allows, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, ct);
        // Every answer must be allowed (a rebinding server may mix them), and the socket goes to exactly those.
        if (addresses.FirstOrDefault(a => !allows(context.DnsEndPoint, a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a))
            is { } blocked)
        {
            throw new PrivateTargetException(host, blocked);
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct);
}

public static class NetworkModule
{
    /// <summary>Registers the guard and its validated options once, whichever feature asks first.</summary>
    public static IServiceCollection AddPrivateNetworkGuard(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(PrivateNetworkGuard)))
        {
            return services;
        }
        services.AddOptions<NetworkOptions>().BindConfiguration(NetworkOptions.Section).ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<PrivateNetworkGuard>();
        return services;
    }
}
