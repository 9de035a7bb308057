using System.Text.Json;

namespace LeadAgent.Web.Features.Discovery.Search.Providers;

/// <summary>
/// A self-hosted SearXNG instance's JSON API (<c>GET /search?q=…&amp;format=json&amp;pageno=…</c>), the default
/// provider: free, no key. The JSON format must be switched on in the instance's <c>settings.yml</c>
/// (<c>search.formats</c>); without it the instance answers 403, which is reported as such. Engines the instance
/// could not reach come back as warnings (<c>unresponsive_engines</c>).
/// </summary>
public sealed class SearXngProvider(HttpClient http, Uri baseUrl) : ISearchProvider
{
    public string Name => "SearXNG";

    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var query = $"search?q={Uri.EscapeDataString(request.Query)}&format=json&categories=general"
            + $"&pageno={Math.Max(1, request.Page)}"
            + (request.Language is { } l ? $"&language={Uri.EscapeDataString(l)}" : "");
        try
        {
            using var response = await http.GetAsync(new Uri(baseUrl, query), HttpCompletionOption.ResponseHeadersRead,
                ct);
            if (SearchResponses.Failure(response, Name) is { } failure)
            {
                return response.StatusCode == System.Net.HttpStatusCode.Forbidden
                    ? failure with
                    {
                        Message = "SearXNG refused JSON (403): add json to search.formats in the "
                        + "instance's settings.yml."
                    }
                    : failure;
            }
            using var json = await SearchResponses.ReadJsonAsync(response, ct);
            if (json?.RootElement is not { ValueKind: JsonValueKind.Object } root
                || !root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                return SearchPage.Failed("SearXNG's answer is not the JSON search format.");
            }
            var hits = new List<SearchHit>();
            foreach (var r in results.EnumerateArray())
            {
                if (SearchResponses.WebUrl(SearchResponses.Text(r, "url")) is { } url)
                {
                    hits.Add(new SearchHit(url, SearchResponses.Text(r, "title") ?? url.Host,
                        SearchResponses.Text(r, "content"), hits.Count + 1));
                }
            }
            return new SearchPage(SearchStatus.Ok, hits, Warnings: Unresponsive(root), MoreAvailable: hits.Count > 0);
        }
        catch (Exception e) when (e is HttpRequestException or IOException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return SearchPage.Failed($"SearXNG could not be reached: {e.Message}");
        }
    }

    // [["google", "CAPTCHA"], ["bing", "timeout"]] → "google: CAPTCHA", "bing: timeout".
    private static List<string> Unresponsive(JsonElement root)
    {
        var warnings = new List<string>();
        if (root.TryGetProperty("unresponsive_engines", out var engines) && engines.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in engines.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Array))
            {
                var parts = e.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.String ? p.GetString() : null)
                    .OfType<string>().ToList();
                if (parts.Count > 0)
                {
                    warnings.Add(string.Join(": ", parts));
                }
            }
        }
        return warnings;
    }
}
