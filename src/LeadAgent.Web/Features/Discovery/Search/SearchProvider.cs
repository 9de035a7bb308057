namespace LeadAgent.Web.Features.Discovery.Search;

/// <summary>One query to a search provider: its text, language and country (ISO codes), and the 1-based page.</summary>
public sealed record SearchRequest(string Query, string? Language = null, string? Country = null, int Page = 1);

/// <summary>A result: the page found, its title and snippet, its rank on the provider's page.</summary>
public sealed record SearchHit(Uri Url, string Title, string? Snippet, int Rank);

public enum SearchStatus
{
    Ok,
    /// <summary>Too many requests for now (429): try again after <see cref="SearchPage.RetryAfter"/>.</summary>
    RateLimited,
    /// <summary>The plan's quota is used up: no more queries until it renews.</summary>
    QuotaExhausted,
    /// <summary>Refused or broken: a wrong key, the JSON format switched off, an unexpected answer.</summary>
    Failed,
}

/// <summary>
/// A provider's answer, always (never an exception): the hits, or why there are none; what the provider reported
/// along the way (engines that did not answer); whether more pages exist; what the call cost in the plan's units.
/// </summary>
public sealed record SearchPage(SearchStatus Status, IReadOnlyList<SearchHit> Hits, string? Message = null,
    TimeSpan? RetryAfter = null, IReadOnlyList<string>? Warnings = null, bool MoreAvailable = false, int Cost = 0)
{
    public static SearchPage Failed(string message) => new(SearchStatus.Failed, [], message);
}

/// <summary>The one seam to web search: SearXNG, Brave, Serper, Google each answer in their own wire format.</summary>
public interface ISearchProvider
{
    string Name { get; }

    Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken ct);
}
