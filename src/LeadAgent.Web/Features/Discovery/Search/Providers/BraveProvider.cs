using System.Text.Json;

namespace LeadAgent.Web.Features.Discovery.Search.Providers;

/// <summary>
/// The Brave Search API (<c>GET /res/v1/web/search</c>, key in <c>X-Subscription-Token</c>): 20 results a page,
/// <c>offset</c> is the zero-based page (at most 10). A 429 whose monthly remainder (the second value of
/// <c>X-RateLimit-Remaining</c>, e.g. <c>1, 0</c>) is zero means the plan's quota is used up, not just a busy second.
/// Each successful call costs one request of the plan.
/// </summary>
public sealed class BraveProvider(HttpClient http, Uri baseUrl, string apiKey) : ISearchProvider
{
    public const int PageSize = 20, MaxPages = 10;

    public string Name => "Brave";

    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        if (request.Page > MaxPages)
        {
            return new SearchPage(SearchStatus.Ok, []);
        }
        var query = $"res/v1/web/search?q={Uri.EscapeDataString(request.Query)}&count={PageSize}"
            + $"&offset={Math.Max(1, request.Page) - 1}"
            + (request.Country is { } c ? $"&country={Uri.EscapeDataString(c.ToUpperInvariant())}" : "")
            + (request.Language is { } l ? $"&search_lang={Uri.EscapeDataString(l.ToLowerInvariant())}" : "");
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, query));
            message.Headers.TryAddWithoutValidation("X-Subscription-Token", apiKey);
            message.Headers.TryAddWithoutValidation("Accept", "application/json");
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
            if (SearchResponses.Failure(response, Name) is { } failure)
            {
                var quota = failure.Status == SearchStatus.RateLimited && MonthlyRemainder(response) == 0;
                return quota
                    ? failure with { Status = SearchStatus.QuotaExhausted, Message = "Brave's monthly quota is spent." }
                    : failure;
            }
            using var json = await SearchResponses.ReadJsonAsync(response, ct);
            if (json?.RootElement is not { ValueKind: JsonValueKind.Object } root)
            {
                return SearchPage.Failed("Brave's answer is not JSON.");
            }
            var hits = new List<SearchHit>();
            if (root.TryGetProperty("web", out var web) && web.ValueKind == JsonValueKind.Object
                && web.TryGetProperty("results", out var results)
                && results.ValueKind == JsonValueKind.Array)
            {
                foreach (var r in results.EnumerateArray())
                {
                    if (SearchResponses.WebUrl(SearchResponses.Text(r, "url")) is { } url)
                    {
                        hits.Add(new SearchHit(url, SearchResponses.Text(r, "title") ?? url.Host,
                            SearchResponses.Text(r, "description"), hits.Count + 1));
                    }
                }
            }
            var more = root.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.Object
                && q.TryGetProperty("more_results_available", out var m) && m.ValueKind == JsonValueKind.True;
            return new SearchPage(SearchStatus.Ok, hits, MoreAvailable: more && request.Page < MaxPages, Cost: 1);
        }
        catch (Exception e) when (e is HttpRequestException or IOException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return SearchPage.Failed($"Brave could not be reached: {e.Message}");
        }
    }

    // "1, 0": per second, per month.
    private static int? MonthlyRemainder(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-RateLimit-Remaining", out var values)
        && values.FirstOrDefault()?.Split(',') is { Length: >= 2 } parts
        && int.TryParse(parts[1].Trim(), out var month) ? month : null;
}
