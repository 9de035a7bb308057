using System.Text.Json.Nodes;

namespace LeadAgent.Market;

/// <summary>
/// The two search APIs' JSON, shaped as in discovery.md 2.1 and 2.2 and as the test fakes speak them: SearXNG's
/// <c>results</c> with <c>url</c>, <c>title</c>, <c>content</c>, engines and score, plus its empty side lists; Brave's
/// <c>web.results</c> with <c>title</c>, <c>url</c>, <c>description</c>, <c>meta_url</c> and
/// <c>query.more_results_available</c>.
/// </summary>
internal static class SearchAnswers
{
    public static JsonObject SearXng(string query, IReadOnlyList<SearchResult> page) => new()
    {
        ["query"] = query,
        // Real instances mostly say 0 here; clients must not trust it.
        ["number_of_results"] = 0,
        ["results"] = new JsonArray([.. page.Select((r, i) => (JsonNode)new JsonObject
        {
            ["url"] = r.Url, ["title"] = r.Title, ["content"] = r.Snippet, ["engine"] = "bing",
            ["engines"] = new JsonArray("bing", "duckduckgo"), ["score"] = Math.Round(r.Score, 3),
            ["category"] = "general", ["publishedDate"] = null,
            ["parsed_url"] = new JsonArray("http", new Uri(r.Url).Host, new Uri(r.Url).AbsolutePath, "", "", ""),
            ["positions"] = new JsonArray(i + 1), ["template"] = "default.html",
        })]),
        ["answers"] = new JsonArray(),
        ["corrections"] = new JsonArray(),
        ["infoboxes"] = new JsonArray(),
        ["suggestions"] = new JsonArray(),
        ["unresponsive_engines"] = new JsonArray(),
    };

    public static JsonObject Brave(string query, IReadOnlyList<SearchResult> page, bool more) => new()
    {
        ["type"] = "search",
        ["query"] = new JsonObject { ["original"] = query, ["more_results_available"] = more },
        ["web"] = new JsonObject
        {
            ["type"] = "search",
            ["results"] = new JsonArray([.. page.Select(r =>
            {
                var uri = new Uri(r.Url);
                return (JsonNode)new JsonObject
                {
                    ["title"] = r.Title, ["url"] = r.Url, ["description"] = r.Snippet, ["language"] = r.Language,
                    ["meta_url"] = new JsonObject
                    {
                        ["scheme"] = uri.Scheme, ["netloc"] = uri.Host, ["hostname"] = uri.Host,
                        ["favicon"] = $"https://imgs.search.brave.com/favicon/{uri.Host}", ["path"] = uri.AbsolutePath,
                    },
                    ["profile"] = new JsonObject { ["name"] = uri.Host, ["url"] = r.Url },
                };
            })]),
        },
    };

    public static JsonObject BraveError(string code) => new() { ["error"] = new JsonObject { ["code"] = code } };
}
