using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadAgent.Tests.Discovery;

/// <summary>
/// A SearXNG instance, the Brave Search API, Serper.dev and Google's Custom Search JSON API on loopback, answering in
/// their real JSON shapes (discovery.md 1, 2.1–2.3): results per query; SearXNG's JSON switch and unresponsive
/// engines; Brave's key, rate limit and monthly quota headers; Serper's and Google's error bodies
/// (FakeSearchEngines.SerperGoogle.cs).
/// </summary>
public sealed partial class FakeSearchEngines : IAsyncDisposable
{
    public const string BraveKey = "brave-test-key";
    private const int PageSize = 20;

    private readonly WebApplication _app;

    /// <summary>The pages a query finds, in rank order: (url, title, snippet).</summary>
    public ConcurrentDictionary<string, List<(string Url, string Title, string Snippet)>> Found { get; } = new();
    public bool JsonEnabled { get; set; } = true;
    public List<(string Engine, string Reason)> Unresponsive { get; } = [];
    /// <summary>Brave's next answers: 429 for the second (busy) or the month (quota used up).</summary>
    public ConcurrentQueue<string> BraveRefusals { get; } = new();
    /// <summary>Every call: its path and query, the key sent (header or parameter), its JSON body if any.</summary>
    public ConcurrentQueue<(string PathAndQuery, string? Key, string? Body)> Requests { get; } = new();
    public string Url { get; private set; } = "";

    private FakeSearchEngines(WebApplication app) => _app = app;

    public static async Task<FakeSearchEngines> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSearchEngines(app);
        app.MapGet("/search", fake.SearXng);
        app.MapGet("/res/v1/web/search", fake.Brave);
        app.MapPost("/search", fake.Serper);   // SearXNG's path, but POST: no clash
        app.MapGet("/customsearch/v1", fake.Google);
        await app.StartAsync();
        fake.Url = app.Urls.First() + "/";
        return fake;
    }

    private IResult SearXng(HttpContext http, string q, string? format, int? pageno)
    {
        Requests.Enqueue((http.Request.Path + http.Request.QueryString, null, null));
        if (format != "json" || !JsonEnabled)
        {
            return Results.StatusCode(403);
        }
        var page = Page(q, (pageno ?? 1) - 1);
        return Results.Json(new JsonObject
        {
            ["query"] = q,
            ["number_of_results"] = 0,
            ["results"] = new JsonArray([.. page.Select(r => (JsonNode)new JsonObject
            {
                ["url"] = r.Url, ["title"] = r.Title, ["content"] = r.Snippet, ["engine"] = "bing",
                ["engines"] = new JsonArray("bing", "duckduckgo"), ["score"] = 1.5, ["category"] = "general",
            })]),
            ["answers"] = new JsonArray(),
            ["suggestions"] = new JsonArray(),
            ["unresponsive_engines"] = new JsonArray([.. Unresponsive.Select(u => (JsonNode)new JsonArray(u.Engine,
                u.Reason))]),
        });
    }

    private IResult Brave(HttpContext http, string q, int? offset)
    {
        var key = http.Request.Headers["X-Subscription-Token"].ToString();
        Requests.Enqueue((http.Request.Path + http.Request.QueryString, key, null));
        if (key != BraveKey)
        {
            return Results.Json(new { error = new { code = "SUBSCRIPTION_TOKEN_INVALID" } }, statusCode: 401);
        }
        if (BraveRefusals.TryDequeue(out var refusal))
        {
            http.Response.Headers["X-RateLimit-Limit"] = "1, 2000";
            http.Response.Headers["X-RateLimit-Remaining"] = refusal == "quota" ? "1, 0" : "0, 1500";
            http.Response.Headers.RetryAfter = "2";
            return Results.Json(new { error = new { code = "RATE_LIMITED" } }, statusCode: 429);
        }
        var all = Found.TryGetValue(q, out var found) ? found : [];
        var page = Page(q, offset ?? 0);
        return Results.Json(new JsonObject
        {
            ["type"] = "search",
            ["query"] = new JsonObject
            {
                ["original"] = q,
                ["more_results_available"] = ((offset ?? 0) + 1) * PageSize < all.Count,
            },
            ["web"] = new JsonObject
            {
                ["type"] = "search",
                ["results"] = new JsonArray([.. page.Select(r => (JsonNode)new JsonObject
                {
                    ["title"] = r.Title, ["url"] = r.Url, ["description"] = r.Snippet, ["language"] = "de",
                    ["meta_url"] = new JsonObject { ["hostname"] = new Uri(r.Url).Host },
                })]),
            },
        });
    }

    private List<(string Url, string Title, string Snippet)> Page(string q, int index) =>
        Slice(q, index * PageSize, PageSize);

    private List<(string Url, string Title, string Snippet)> Slice(string q, int skip, int take) =>
        Found.TryGetValue(q, out var all) ? all.Skip(skip).Take(take).ToList() : [];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
