using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LeadAgent.Web.Features.Discovery.Search.Providers;

/// <summary>
/// Serper.dev, Google's results through a reseller (<c>POST /search</c>, key in <c>X-API-KEY</c>, JSON body with
/// <c>q</c>, <c>gl</c>, <c>hl</c>, <c>num</c>, <c>page</c>): 10 results a page from <c>organic[]</c>; each answer
/// states the <c>credits</c> it cost. An empty balance comes back as "Not enough credits" (seen with 400), which is
/// the quota being spent; a wrong key is 403 "Unauthorized.". Serper sends no rate-limit headers.
/// </summary>
public sealed class SerperProvider(HttpClient http, Uri baseUrl, string apiKey) : ISearchProvider
{
    public const int PageSize = 10;

    public string Name => "Serper";

    public async Task<SearchPage> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var body = new JsonObject { ["q"] = request.Query };
        if (request.Country is { } c)
        {
            body["gl"] = c.ToLowerInvariant();
        }
        if (request.Language is { } l)
        {
            body["hl"] = l.ToLowerInvariant();
        }
        body["num"] = PageSize;
        body["page"] = Math.Max(1, request.Page);
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "search"))
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            message.Headers.TryAddWithoutValidation("X-API-KEY", apiKey);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
            using var json = await SearchResponses.ReadJsonAsync(response, ct);
            if (SearchResponses.Failure(response, Name) is { } failure)
            {
                return Refusal(failure, (int)response.StatusCode, json?.RootElement);
            }
            if (json?.RootElement is not { ValueKind: JsonValueKind.Object } root)
            {
                return SearchPage.Failed("Serper's answer is not JSON.");
            }
            var hits = new List<SearchHit>();
            var listed = 0;
            if (root.TryGetProperty("organic", out var organic) && organic.ValueKind == JsonValueKind.Array)
            {
                // The order of organic[] is the rank on this page; position is not needed for it.
                foreach (var r in organic.EnumerateArray())
                {
                    listed++;
                    if (SearchResponses.WebUrl(SearchResponses.Text(r, "link")) is { } url)
                    {
                        hits.Add(new SearchHit(url, SearchResponses.Text(r, "title") ?? url.Host,
                            SearchResponses.Text(r, "snippet"), hits.Count + 1));
                    }
                }
            }
            var credits = root.TryGetProperty("credits", out var cr) && cr.TryGetInt32(out var n) && n >= 0 ? n : 1;
            // Serper does not say whether another page exists: a full page suggests one does.
            return new SearchPage(SearchStatus.Ok, hits, MoreAvailable: listed >= PageSize, Cost: credits);
        }
        catch (Exception e) when (e is HttpRequestException or IOException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return SearchPage.Failed($"Serper could not be reached: {e.Message}");
        }
    }

    // {"message":"Not enough credits","statusCode":400}: the body, not the status, tells a spent balance apart.
    private static SearchPage Refusal(SearchPage failure, int status, JsonElement? body)
    {
        var said = body is { } b ? SearchResponses.Text(b, "message") : null;
        if (said is not null && said.Contains("credit", StringComparison.OrdinalIgnoreCase))
        {
            return failure with
            {
                Status = SearchStatus.QuotaExhausted,
                Message = $"Serper's credits are used up ({status}: {said}).",
                RetryAfter = null,
            };
        }
        if (status is 401 or 403)
        {
            return failure with
            {
                Message = $"Serper refused the key ({status}{(said is null ? "" : $": {said}")}): "
                    + "check Discovery:Providers:Serper:ApiKey.",
            };
        }
        return said is null || failure.Status != SearchStatus.Failed ? failure
            : failure with { Message = $"Serper answered {status}: {said}" };
    }
}
