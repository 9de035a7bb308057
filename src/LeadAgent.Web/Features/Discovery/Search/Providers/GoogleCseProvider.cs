using System.Text.Json;

namespace LeadAgent.Web.Features.Discovery.Search.Providers;

/// <summary>
/// Google's Custom Search JSON API (<c>GET /customsearch/v1?key=…&amp;cx=…&amp;q=…&amp;start=…</c>), for people who
/// still hold a key: Google takes no new customers and switches the API off for everyone on 1 January 2027, so the
/// adapter refuses from then on without asking. 10 results a page; <c>start + num</c> may not pass 100, so page 9 is
/// the last. Errors come as <c>{error:{code,message,errors:[{reason}]}}</c>; each successful call is one query of the
/// day's quota.
/// </summary>
public sealed class GoogleCseProvider(HttpClient http, Uri baseUrl, string apiKey, string cx, TimeProvider time)
    : ISearchProvider
{
    public const int PageSize = 10, MaxPages = 9;
    public const string ClosedMessage =
        "Google's Custom Search JSON API stopped on 31 December 2026; use SearXNG, Brave or Serper.";

    private static readonly DateOnly LastDay = new(2026, 12, 31);

    public string Name => "Google";

    /// <summary>Whether the API has closed. UTC: a few hours early in California is better than a failed run.</summary>
    public static bool Closed(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) > LastDay;

    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        if (Closed(time))
        {
            return SearchPage.Failed(ClosedMessage);
        }
        var page = Math.Max(1, request.Page);
        if (page > MaxPages)
        {
            return new SearchPage(SearchStatus.Ok, []);
        }
        var query = $"customsearch/v1?key={Uri.EscapeDataString(apiKey)}&cx={Uri.EscapeDataString(cx)}"
            + $"&q={Uri.EscapeDataString(request.Query)}&start={(page - 1) * PageSize + 1}&num={PageSize}"
            + (request.Language is { } l ? $"&lr=lang_{Uri.EscapeDataString(l.ToLowerInvariant())}" : "")
            + (request.Country is { } c ? $"&gl={Uri.EscapeDataString(c.ToLowerInvariant())}" : "");
        try
        {
            using var response = await http.GetAsync(new Uri(baseUrl, query), HttpCompletionOption.ResponseHeadersRead,
                ct);
            using var json = await SearchResponses.ReadJsonAsync(response, ct);
            if (SearchResponses.Failure(response, Name) is { } failure)
            {
                return Refusal(failure, (int)response.StatusCode, json?.RootElement);
            }
            if (json?.RootElement is not { ValueKind: JsonValueKind.Object } root)
            {
                return SearchPage.Failed("Google's answer is not JSON.");
            }
            // items is left out when nothing matches.
            var hits = new List<SearchHit>();
            if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var r in items.EnumerateArray())
                {
                    if (SearchResponses.WebUrl(SearchResponses.Text(r, "link")) is { } url)
                    {
                        hits.Add(new SearchHit(url, SearchResponses.Text(r, "title") ?? url.Host,
                            SearchResponses.Text(r, "snippet"), hits.Count + 1));
                    }
                }
            }
            var more = root.TryGetProperty("queries", out var queries) && queries.ValueKind == JsonValueKind.Object
                && queries.TryGetProperty("nextPage", out var next) && next.ValueKind == JsonValueKind.Array
                && next.GetArrayLength() > 0;
            return new SearchPage(SearchStatus.Ok, hits, MoreAvailable: more && page < MaxPages, Cost: 1);
        }
        catch (Exception e) when (e is HttpRequestException or IOException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return SearchPage.Failed($"Google could not be reached: {e.Message}");
        }
    }

    // The reasons tell a busy minute from a spent day and a wrong key from a wrong engine id.
    private static SearchPage Refusal(SearchPage failure, int status, JsonElement? body)
    {
        var error = body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("error", out var e) ? e
            : default;
        var said = SearchResponses.Text(error, "message") ?? $"status {status}";
        var reasons = Reasons(error, "errors").Concat(Reasons(error, "details")).ToHashSet();
        // The per-day limit comes back today as 429 rateLimitExceeded, "… limit 'Queries per day' …".
        if (reasons.Overlaps(["dailyLimitExceeded", "quotaExceeded"])
            || (status is 403 or 429 && said.Contains("per day", StringComparison.OrdinalIgnoreCase)))
        {
            return new SearchPage(SearchStatus.QuotaExhausted, [],
                $"Google's daily quota is spent (it renews at midnight Pacific time): {said}");
        }
        if (status == 429 || (status == 403 && reasons.Overlaps(["rateLimitExceeded", "userRateLimitExceeded"])))
        {
            return new SearchPage(SearchStatus.RateLimited, [], $"Google asks to slow down ({status}): {said}",
                failure.RetryAfter ?? TimeSpan.FromSeconds(60));
        }
        if (reasons.Overlaps(["keyInvalid", "API_KEY_INVALID"]))
        {
            return SearchPage.Failed($"Google refused the key ({status}: {said}): "
                + "check Discovery:Providers:Google:ApiKey.");
        }
        return SearchPage.Failed(status is 400 or 401 or 403
            ? $"Google refused the request ({status}: {said}): check Discovery:Providers:Google:ApiKey and Cx."
            : $"Google answered {status}: {said}");
    }

    private static IEnumerable<string> Reasons(JsonElement error, string list) =>
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty(list, out var items)
            && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray().Select(i => SearchResponses.Text(i, "reason")).OfType<string>()
            : [];
}
