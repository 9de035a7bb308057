using System.Net;
using System.Net.Sockets;

namespace LeadAgent.Web.Infrastructure.Net;

/// <summary>
/// Addresses outbound calls must not reach (discovery.md §4.3): private, loopback, link-local (cloud metadata),
/// carrier-grade NAT, unique-local, multicast, documentation and reserved ranges — also when an IPv4 address hides
/// inside an IPv6 one (mapped, compatible, NAT64, 6to4, Teredo).
/// </summary>
public static class PrivateAddresses
{
    private static readonly IPNetwork[] Blocked =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8", "2001:db8::/32", "100::/64",
            "64:ff9b:1::/48",
        }.Select(s => IPNetwork.Parse(s)),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Teredo = IPNetwork.Parse("2001::/32");

    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPrivate(address.MapToIPv4());
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6
            && Embedded(address).Any(inner => Blocked.Any(n => n.Contains(inner))))
        {
            return true;
        }
        return Blocked.Any(n => n.Contains(address));
    }

    // The IPv4 addresses an IPv6 address carries, by the transition scheme that put them there.
    private static List<IPAddress> Embedded(IPAddress v6)
    {
        var b = v6.GetAddressBytes();
        var found = new List<IPAddress>();
        if (b[..12].All(x => x == 0) || Nat64.Contains(v6))
        {
            found.Add(new IPAddress(b[12..])); // ::a.b.c.d and 64:ff9b::a.b.c.d
        }
        if (SixToFour.Contains(v6))
        {
            found.Add(new IPAddress(b[2..6]));
        }
        if (Teredo.Contains(v6))
        {
            found.Add(new IPAddress(b[4..8])); // the Teredo server
            found.Add(new IPAddress(b[12..].Select(x => (byte)~x).ToArray())); // the client, obfuscated
        }
        return found;
    }
}
