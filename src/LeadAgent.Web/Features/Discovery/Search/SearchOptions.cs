using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Features.Discovery.Search;

/// <summary><c>Discovery:Providers:…</c>: where the search providers answer, and with which keys.</summary>
public sealed class SearchOptions : IValidatableObject
{
    public const string Section = "Discovery:Providers";

    /// <summary>The provider campaigns use unless they name one: one of <see cref="SearchProviders.Names"/>.</summary>
    public string Default { get; set; } = "searxng";

    public ProviderEndpoint SearXng { get; set; } = new();
    public ProviderEndpoint Brave { get; set; } = new() { BaseUrl = "https://api.search.brave.com/" };
    public ProviderEndpoint Serper { get; set; } = new() { BaseUrl = "https://google.serper.dev/" };
    /// <summary>Google's Custom Search JSON API: existing keys only, and only until 31 December 2026.</summary>
    public ProviderEndpoint Google { get; set; } = new() { BaseUrl = "https://www.googleapis.com/" };

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var endpoints = new[] { ("SearXng", SearXng), ("Brave", Brave), ("Serper", Serper), ("Google", Google) };
        foreach (var (name, endpoint) in endpoints)
        {
            if (endpoint.BaseUrl is { Length: > 0 } url && (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https")))
            {
                yield return new ValidationResult($"'{url}' is not an http(s) address.", [$"{name}.BaseUrl"]);
            }
        }
        if (!SearchProviders.Names.Contains(Default, StringComparer.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"Unknown provider '{Default}'; known: "
                + string.Join(", ", SearchProviders.Names) + ".", [nameof(Default)]);
        }
    }
}

public sealed class ProviderEndpoint
{
    public string? BaseUrl { get; set; }
    public string? ApiKey { get; set; }
    /// <summary>Google only: the Programmable Search Engine's id.</summary>
    public string? Cx { get; set; }
}
