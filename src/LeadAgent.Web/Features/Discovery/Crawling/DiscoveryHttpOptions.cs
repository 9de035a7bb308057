using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Features.Discovery.Crawling;

/// <summary><c>Discovery:Http:…</c>: how the crawler fetches sites.</summary>
public sealed class DiscoveryHttpOptions : IValidatableObject
{
    public const string Section = "Discovery:Http";

    /// <summary>
    /// An HTTP proxy all fetching goes through (<c>http://proxy.corp:3128</c>), as corporate networks require; it
    /// resolves the names. Private IP literals and <c>localhost</c> are refused before the proxy sees them.
    /// </summary>
    public string? Proxy { get; set; }

    /// <summary>The page that tells site owners who crawls them, sent in the User-Agent.</summary>
    [Required]
    public string ContactUrl { get; set; } = "https://github.com/leadagent/leadagent#crawler";

    [Range(64 * 1024, 64 * 1024 * 1024)]
    public int MaxPageBytes { get; set; } = 2 * 1024 * 1024;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 20;

    [Range(1, 60)]
    public int ConnectTimeoutSeconds { get; set; } = 10;

    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Lets the crawler reach loopback addresses (127.0.0.0/8, ::1), for tests and local trials only. Every other
    /// private range stays refused whatever <c>Network:AllowedPrivateRanges</c> says: that setting is for the inbox.
    /// </summary>
    public bool AllowLoopback { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Proxy is { Length: > 0 } p
            && (!Uri.TryCreate(p, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"'{p}' is not an http(s) proxy address.", [nameof(Proxy)]);
        }
        if (!Uri.TryCreate(ContactUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Must be an absolute URL.", [nameof(ContactUrl)]);
        }
    }
}
