using System.Globalization;

namespace LeadAgent.Web.Features.Crm.Normalization;

/// <summary>
/// Website → registrable domain ("https://www.shop.example.co.uk/path?utm=x" → "example.co.uk").
/// Uses the Public Suffix List from Debian's <c>publicsuffix</c> package when installed, else a built-in list
/// of the common multi-label suffixes.
/// </summary>
public static class DomainName
{
    private static readonly Lazy<HashSet<string>> Suffixes = new(LoadSuffixes);

    private static readonly string[] BuiltIn =
    [
        "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "com.au", "net.au", "org.au", "co.nz",
        "co.za", "co.jp", "ne.jp", "or.jp", "com.br", "com.mx", "com.ar", "com.tr", "com.cn", "com.hk", "com.sg",
        "com.my", "co.in", "co.id", "co.il", "co.kr", "com.pl", "com.ua", "co.at", "or.at", "ae.org", "com.sa",
        "com.eg", "com.qa", "co.th",
        "github.io", "myshopify.com", "wixsite.com", "wordpress.com", "blogspot.com", "herokuapp.com", "netlify.app",
        "vercel.app", "web.app", "squarespace.com", "webflow.io", "azurewebsites.net", "cloudfront.net",
    ];

    /// <summary>Parses a website; returns null and a reason when it is not a usable http(s) address.</summary>
    public static (string? Url, string? Domain, string? Error) Parse(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return (null, null, null);
        }
        var text = website.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.HostNameType != UriHostNameType.Dns || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            return (null, null, "Must be a website address such as example.com or https://example.com.");
        }
        var domain = Registrable(uri.IdnHost);
        return domain is null
            ? (null, null, "Has no registrable domain.")
            : (uri.GetLeftPart(UriPartial.Path).TrimEnd('/'), domain, null);
    }

    public static string? Registrable(string host)
    {
        host = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }
        try
        {
            host = new IdnMapping().GetUnicode(host);
        }
        catch (ArgumentException)
        {
            return null;
        }
        var labels = host.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length == 0))
        {
            return null;
        }
        // Longest matching public suffix, then one more label.
        for (var i = 0; i < labels.Length - 1; i++)
        {
            var candidate = string.Join('.', labels[(i + 1)..]);
            if (Suffixes.Value.Contains(candidate) || (i == labels.Length - 2))
            {
                return string.Join('.', labels[i..]);
            }
        }
        return null;
    }

    private static HashSet<string> LoadSuffixes()
    {
        var set = new HashSet<string>(BuiltIn, StringComparer.Ordinal);
        const string path = "/usr/share/publicsuffix/public_suffix_list.dat";
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                var l = line.Trim();
                if (l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith('!')
                    && !l.StartsWith('*') && l.Contains('.', StringComparison.Ordinal))
                {
                    set.Add(l.ToLowerInvariant());
                }
            }
        }
        return set;
    }
}
