using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace LeadAgent.Market;

public sealed partial class MarketServer
{
    private const int BravePages = 10, BraveMaxCount = 20;

    // GET /searxng/search?q=…&format=json&pageno=…&language=…
    private async Task SearXngAsync(HttpContext http, CancellationToken ct)
    {
        var q = http.Request.Query;
        if (!http.Request.Path.Equals("/searxng/search", StringComparison.Ordinal))
        {
            http.Response.StatusCode = 404;
            return;
        }
        if (q["format"] != "json" || !_options.SearXngJson)
        {
            http.Response.StatusCode = 403;
            return;
        }
        var query = q["q"].ToString();
        var pageNo = Math.Max(1, Int(q["pageno"]) ?? 1);
        var language = q["language"].ToString() is { Length: > 0 } l && l != "all" ? l : null;
        var hits = Market.Search.Search(query, language);
        var size = _options.SearXngPageSize;
        var page = hits.Skip((pageNo - 1) * size).Take(size).ToList();
        await http.Response.WriteAsJsonAsync(SearchAnswers.SearXng(query, page), ct);
    }

    // GET /brave/res/v1/web/search?q=…&count=…&offset=… with X-Subscription-Token; offset is a page index (0–9).
    private async Task BraveAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.Path.Equals("/brave/res/v1/web/search", StringComparison.Ordinal))
        {
            http.Response.StatusCode = 404;
            return;
        }
        if (http.Request.Headers["X-Subscription-Token"].ToString() != _options.BraveKey)
        {
            http.Response.StatusCode = 401;
            await http.Response.WriteAsJsonAsync(SearchAnswers.BraveError("SUBSCRIPTION_TOKEN_INVALID"), ct);
            return;
        }
        var q = http.Request.Query;
        var query = q["q"].ToString();
        var count = Math.Clamp(Int(q["count"]) ?? BraveMaxCount, 1, BraveMaxCount);
        var offset = Int(q["offset"]) ?? 0;
        if (query.Length is 0 or > 400 || offset is < 0 or >= BravePages)
        {
            http.Response.StatusCode = 422;
            await http.Response.WriteAsJsonAsync(SearchAnswers.BraveError("VALIDATION"), ct);
            return;
        }
        var language = q["search_lang"].ToString() is { Length: > 0 } l ? l : null;
        var country = q["country"].ToString() is { Length: > 0 } c ? c : null;
        var hits = Market.Search.Search(query, language, country);
        var page = hits.Skip(offset * count).Take(count).ToList();
        var more = (offset + 1) * count < hits.Count && offset + 1 < BravePages;
        // Per second and per month, as Brave sends them (discovery.md 2.1).
        http.Response.Headers["X-RateLimit-Limit"] = "50, 15000";
        http.Response.Headers["X-RateLimit-Policy"] = "50;w=1, 15000;w=2592000";
        http.Response.Headers["X-RateLimit-Remaining"] = "49, 14000";
        http.Response.Headers["X-RateLimit-Reset"] = "1, 1209600";
        await http.Response.WriteAsJsonAsync(SearchAnswers.Brave(query, page, more), ct);
    }

    private static int? Int(Microsoft.Extensions.Primitives.StringValues value) =>
        int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
