using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LeadAgent.Tests.Discovery;

/// <summary>
/// Serper.dev (<c>POST /search</c>, discovery.md 2.3) and Google's Custom Search JSON API (<c>GET /customsearch/v1</c>,
/// discovery.md 1.2–1.5) with their keys, paging limits and the error bodies seen in the wild.
/// </summary>
public sealed partial class FakeSearchEngines
{
    public const string SerperKey = "serper-test-key", GoogleKey = "google-test-key", GoogleCx = "0123456789abc:xyz";

    /// <summary>Serper's next answers: <c>busy</c> (429) or <c>credits</c> (the balance is empty).</summary>
    public ConcurrentQueue<string> SerperRefusals { get; } = new();
    /// <summary>What a successful Serper call says it cost.</summary>
    public int SerperCredits { get; set; } = 1;
    /// <summary>
    /// Google's next answers: <c>minute</c> (429, Retry-After 30), <c>day</c> (429 on the per-day limit), <c>daily</c>
    /// (the legacy 403 dailyLimitExceeded), <c>user-rate</c> (403 userRateLimitExceeded), <c>key</c> (the legacy 400
    /// keyInvalid).
    /// </summary>
    public ConcurrentQueue<string> GoogleRefusals { get; } = new();
    /// <summary>Serper and Google answer 200 with JSON cut off in the middle.</summary>
    public bool Garbled { get; set; }

    // The token keeps this from binding as a RequestDelegate, which would drop the IResult.
    private async Task<IResult> Serper(HttpContext http, CancellationToken ct)
    {
        var key = http.Request.Headers["X-API-KEY"].ToString();
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync(ct);
        Requests.Enqueue((http.Request.Path + http.Request.QueryString, key, body));
        if (key != SerperKey)
        {
            return Results.Json(new { message = "Unauthorized.", statusCode = 403 }, statusCode: 403);
        }
        if (SerperRefusals.TryDequeue(out var refusal))
        {
            return refusal == "credits"
                ? Results.Json(new { message = "Not enough credits", statusCode = 400 }, statusCode: 400)
                : Results.Json(new { message = "Too many requests", statusCode = 429 }, statusCode: 429);
        }
        if (Garbled)
        {
            return Results.Text("{\"searchParameters\":{\"q\":\"eventag", "application/json");
        }
        var ask = JsonNode.Parse(body)!;
        var (q, num, page) = ((string?)ask["q"] ?? "", (int?)ask["num"] ?? 10, (int?)ask["page"] ?? 1);
        var found = Slice(q, (page - 1) * num, num);
        return Results.Json(new JsonObject
        {
            ["searchParameters"] = new JsonObject
            {
                ["q"] = q,
                ["gl"] = (string?)ask["gl"],
                ["hl"] = (string?)ask["hl"],
                ["num"] = num,
                ["page"] = page,
                ["type"] = "search",
                ["engine"] = "google",
            },
            ["organic"] = new JsonArray([.. found.Select((r, i) => (JsonNode)new JsonObject
            {
                ["title"] = r.Title, ["link"] = r.Url, ["snippet"] = r.Snippet, ["position"] = i + 1,
                ["sitelinks"] = new JsonArray(),
            })]),
            ["relatedSearches"] = new JsonArray(new JsonObject { ["query"] = q + " gmbh" }),
            ["credits"] = SerperCredits,
        });
    }

    private IResult Google(HttpContext http, string? key, string? cx, string? q, int? start, int? num)
    {
        Requests.Enqueue((http.Request.Path + http.Request.QueryString, key, null));
        if (key != GoogleKey)
        {
            return GoogleError(400, "API key not valid. Please pass a valid API key.", "badRequest",
                "INVALID_ARGUMENT", "API_KEY_INVALID");
        }
        if (GoogleRefusals.TryDequeue(out var refusal))
        {
            if (refusal == "minute")
            {
                http.Response.Headers.RetryAfter = "30";
            }
            return refusal switch
            {
                "minute" => GoogleError(429, Quota("Queries per minute"), "rateLimitExceeded", "RESOURCE_EXHAUSTED"),
                "day" => GoogleError(429, Quota("Queries per day"), "rateLimitExceeded", "RESOURCE_EXHAUSTED"),
                "daily" => GoogleError(403, "Daily Limit Exceeded", "dailyLimitExceeded"),
                "user-rate" => GoogleError(403, "User Rate Limit Exceeded", "userRateLimitExceeded"),
                _ => GoogleError(400, "Bad Request", "keyInvalid"),
            };
        }
        var (first, count) = (start ?? 1, num ?? 10);
        // Google's rules: the engine must exist, at most 10 a page, never past the 100th result.
        if (cx != GoogleCx || count is < 1 or > 10 || first < 1 || first + count > 100)
        {
            return GoogleError(400, "Request contains an invalid argument.", "badRequest", "INVALID_ARGUMENT");
        }
        if (Garbled)
        {
            return Results.Text("{\"kind\":\"customsearch#search\",\"items\":[{\"title\":", "application/json");
        }
        var total = Found.TryGetValue(q ?? "", out var all) ? all.Count : 0;
        var found = Slice(q ?? "", first - 1, count);
        JsonObject Query(int index) => new()
        {
            ["title"] = "Google Custom Search - " + q,
            ["totalResults"] = total.ToString(),
            ["searchTerms"] = q,
            ["count"] = count,
            ["startIndex"] = index,
            ["cx"] = cx,
        };
        var queries = new JsonObject { ["request"] = new JsonArray(Query(first)) };
        if (first - 1 + count < Math.Min(total, 100))
        {
            queries["nextPage"] = new JsonArray(Query(first + count));
        }
        var answer = new JsonObject
        {
            ["kind"] = "customsearch#search",
            ["queries"] = queries,
            ["searchInformation"] = new JsonObject
            {
                ["searchTime"] = 0.31,
                ["totalResults"] = total.ToString(),
                ["formattedTotalResults"] = $"{total:N0}",
            },
        };
        if (found.Count > 0)   // Google leaves items out when nothing matches.
        {
            answer["items"] = new JsonArray([.. found.Select(r => (JsonNode)new JsonObject
            {
                ["kind"] = "customsearch#result", ["title"] = r.Title, ["htmlTitle"] = r.Title, ["link"] = r.Url,
                ["displayLink"] = new Uri(r.Url, UriKind.Absolute).Host, ["snippet"] = r.Snippet,
                ["htmlSnippet"] = r.Snippet,
            })]);
        }
        return Results.Json(answer);
    }

    private static string Quota(string limit) => "Quota exceeded for quota metric 'Queries' and limit '" + limit
        + "' of service 'customsearch.googleapis.com' for consumer 'project_number:123456789'.";

    private static IResult GoogleError(int code, string message, string reason, string? status = null,
        string? detail = null)
    {
        var error = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["errors"] = new JsonArray(new JsonObject
            {
                ["message"] = message,
                ["domain"] = status is null ? "usageLimits" : "global",
                ["reason"] = reason,
            }),
        };
        if (status is not null)
        {
            error["status"] = status;
        }
        if (detail is not null)
        {
            error["details"] = new JsonArray(new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                ["reason"] = detail,
                ["domain"] = "googleapis.com",
                ["metadata"] = new JsonObject { ["service"] = "customsearch.googleapis.com" },
            });
        }
        return Results.Json(new JsonObject { ["error"] = error }, statusCode: code);
    }
}
