using System.Globalization;
using System.Text;

namespace LeadAgent.Web.Features.Crm.Normalization;

/// <summary>
/// Website → registrable domain ("https://www.shop.example.co.uk/path?utm=x" → "example.co.uk").
/// Domains are compared and stored in A-label (punycode) form; <see cref="Display"/> gives the Unicode form.
/// </summary>
public static class DomainName
{
    /// <summary>
    /// Parses a website (see <see cref="WebsiteAddress"/>); returns null and a reason when it is not a usable http(s)
    /// address. A social-network profile link comes back as the Url with no Domain, so it never keys a company.
    /// </summary>
    public static (string? Url, string? Domain, string? Error) Parse(string? website)
    {
        var parsed = WebsiteAddress.Parse(website);
        return (parsed.Url ?? parsed.SocialProfile, parsed.Domain, parsed.Error);
    }

    /// <summary>
    /// The registrable domain (eTLD+1) of a host by the Public Suffix List, in canonical form: A-label (punycode),
    /// lower case, without the root's trailing dot. Null when the host is empty, malformed, or is itself a public
    /// suffix ("co.uk", "ac.jp", "test.ck"). "www.食狮.公司.cn" → "xn--85x722f.xn--55qx5d.cn".
    /// </summary>
    public static string? Registrable(string? host)
    {
        if (AsciiHost(host) is not { } ascii)
        {
            return null;
        }
        var suffixLabels = PublicSuffixList.Embedded.SuffixLabels(ascii);
        var dots = 0;
        for (var i = ascii.Length - 1; i >= 0; i--)
        {
            if (ascii[i] == '.' && ++dots == suffixLabels + 1)
            {
                return ascii[(i + 1)..];
            }
        }
        return dots == suffixLabels ? ascii : null;
    }

    /// <summary>
    /// A host in canonical form (A-label, lower case, no trailing dot), or null when it is not a well-formed name:
    /// an empty label, a label over 63 or a name over 253 characters, or an IDN that does not convert. Returns the
    /// given string itself when it is already canonical.
    /// </summary>
    public static string? AsciiHost(string? host)
    {
        if (host is null)
        {
            return null;
        }
        var text = host.AsSpan().Trim();
        if (text.EndsWith('.'))
        {
            text = text[..^1];
        }
        string ascii;
        if (!Ascii.IsValid(text))
        {
            try
            {
                ascii = new IdnMapping().GetAscii(text.ToString()).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
        else if (text.ContainsAnyInRange('A', 'Z'))
        {
            ascii = text.ToString().ToLowerInvariant();
        }
        else
        {
            ascii = text.Length == host.Length ? host : text.ToString();
        }
        return WellFormed(ascii) ? ascii : null;
    }

    /// <summary>The Unicode form of a canonical (A-label) domain, for display.</summary>
    public static string Display(string domain)
    {
        if (!domain.Contains("xn--", StringComparison.Ordinal))
        {
            return domain;
        }
        try
        {
            return new IdnMapping().GetUnicode(domain);
        }
        catch (ArgumentException)
        {
            return domain;
        }
    }

    /// <summary>
    /// Why a canonical host is no host name for a website or mail (null when it is one): letter-digit-hyphen labels
    /// only, none starting or ending with a hyphen, and a top-level label that is not all digits.
    /// </summary>
    public static string? HostNameError(string asciiHost)
    {
        var labelStart = 0;
        for (var i = 0; i <= asciiHost.Length; i++)
        {
            if (i < asciiHost.Length && asciiHost[i] != '.')
            {
                if (!char.IsAsciiLetterOrDigit(asciiHost[i]) && asciiHost[i] != '-')
                {
                    return $"the character '{asciiHost[i]}' is not allowed in a domain.";
                }
                continue;
            }
            if (i == labelStart || asciiHost[labelStart] == '-' || asciiHost[i - 1] == '-')
            {
                return "a part of the domain is empty, or starts or ends with a hyphen.";
            }
            labelStart = i + 1;
        }
        var top = asciiHost.AsSpan(asciiHost.LastIndexOf('.') + 1);
        return top.ContainsAnyExceptInRange('0', '9') ? null : "the domain ends in a number.";
    }

    private static bool WellFormed(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > 253)
        {
            return false;
        }
        var label = 0;
        foreach (var c in host)
        {
            if (c != '.')
            {
                label++;
            }
            else if (label is 0 or > 63)
            {
                return false;
            }
            else
            {
                label = 0;
            }
        }
        return label is > 0 and <= 63;
    }
}
