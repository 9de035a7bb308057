using System.Globalization;

namespace LeadAgent.Web.Features.Crm.Normalization;

/// <summary>
/// A company's website as the CRM stores it: <see cref="Url"/> is scheme, host (Unicode, for display), port when not
/// the default, and path — without credentials, query, fragment, trailing dot or slash; <see cref="Domain"/> is its
/// registrable domain in A-label form, the company's unique key. A link to a profile on a social network
/// (<see cref="SocialNetworks"/>) is no website: it comes back as <see cref="SocialProfile"/>, with no domain, so
/// "facebook.com/acme" never becomes a company's domain. An e-mail address is refused.
/// </summary>
public readonly record struct WebsiteAddress(string? Url, string? Domain, string? SocialProfile, string? Error)
{
    private const string NotAWebsite = "Must be a website address such as example.com or https://example.com.";

    /// <summary>Parses what a user or a file gave as a website; all null for a blank one.</summary>
    public static WebsiteAddress Parse(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return default;
        }
        var text = website.Trim();
        // IDNA mapping would silently drop zero-width characters from the host; refuse them and spaces outright.
        if (HasSpaceOrInvisible(text))
        {
            return Failed(NotAWebsite);
        }
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || (scheme < 0 && !text.Contains('/', StringComparison.Ordinal)
                && EmailAddresses.Normalize(text).Error is null))
        {
            return Failed("Is an e-mail address, not a website; add it to a contact instead.");
        }
        if (!Uri.TryCreate(scheme < 0 ? "https://" + text : text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.Basic))
        {
            return Failed(NotAWebsite);
        }
        if (DomainName.AsciiHost(uri.IdnHost) is not { } host || DomainName.HostNameError(host) is not null
            || !host.Contains('.', StringComparison.Ordinal))
        {
            return Failed(NotAWebsite);
        }
        if (DomainName.Registrable(host) is not { } domain)
        {
            return Failed("Has no registrable domain (it is a public suffix such as co.uk or github.io).");
        }
        // Credentials (user:pass@), query and fragment are dropped: only where the site is, is kept.
        var port = uri.IsDefaultPort ? "" : $":{uri.Port}";
        var url = $"{uri.Scheme}://{DomainName.Display(host)}{port}{uri.AbsolutePath}".TrimEnd('/');
        if (!SocialNetworks.Contains(domain))
        {
            return new WebsiteAddress(url, domain, null, null);
        }
        return uri.AbsolutePath.Trim('/').Length == 0
            ? Failed("Is a social network's home page; give the company's own website or its profile link.")
            : new WebsiteAddress(null, null, url, null);
    }

    private static bool HasSpaceOrInvisible(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return true;
            }
        }
        return false;
    }

    private static WebsiteAddress Failed(string error) => new(null, null, null, error);
}
