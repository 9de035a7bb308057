using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadAgent.Market;

/// <summary>How the market server behaves.</summary>
public sealed class MarketServerOptions
{
    /// <summary>Added to every answer from a market site (network latency for a crawl benchmark, e.g. 50 ms).</summary>
    public TimeSpan PageDelay { get; init; }

    /// <summary>The key Brave requests must carry in <c>X-Subscription-Token</c>.</summary>
    public string BraveKey { get; init; } = "market-brave-key";

    /// <summary>Results per SearXNG page (SearXNG has no count parameter; about 20 is usual).</summary>
    public int SearXngPageSize { get; init; } = 20;

    /// <summary>False: SearXNG answers 403 to format=json, as an instance without JSON in settings.yml does.</summary>
    public bool SearXngJson { get; init; } = true;
}

/// <summary>One request the server saw: who asked what, when, how long it took and what it got.</summary>
public sealed record MarketRequest(string Method, string Host, string PathAndQuery, string UserAgent,
    DateTimeOffset Started, TimeSpan Duration, int Status);

/// <summary>
/// The market on loopback. As an HTTP proxy it answers requests in absolute form for any market host from the
/// market (by Host header; https CONNECT and unknown hosts get 502, as a proxy that cannot connect); on its own
/// address it serves SearXNG (<see cref="SearXngUrl"/>) and Brave (<see cref="BraveUrl"/>) over the market's search.
/// Every request is recorded, so a test can check robots.txt was obeyed and measure the gaps per host.
/// </summary>
public sealed partial class MarketServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MarketServerOptions _options;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private readonly CancellationTokenSource _stopping = new();

    private MarketServer(WebApplication app, Market market, MarketServerOptions options)
    {
        _app = app;
        Market = market;
        _options = options;
    }

    public Market Market { get; }

    /// <summary>The server's own address, <c>http://127.0.0.1:port</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The proxy setting for clients and the crawler (<c>Discovery:Http:Proxy</c>).</summary>
    public string ProxyUrl => Url + "/";

    /// <summary>The SearXNG base URL (the provider appends <c>search?…</c>).</summary>
    public string SearXngUrl => Url + "/searxng/";

    /// <summary>The Brave base URL (the provider appends <c>res/v1/web/search?…</c>).</summary>
    public string BraveUrl => Url + "/brave/";

    public string BraveKey => _options.BraveKey;

    /// <summary>Every request, in the order they finished.</summary>
    public ConcurrentQueue<MarketRequest> Requests { get; } = new();

    public static async Task<MarketServer> StartAsync(Market market, MarketServerOptions? options = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new MarketServer(app, market, options ?? new MarketServerOptions());
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        server.Url = app.Urls.First();
        return server;
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var started = _clock.Elapsed;
        var host = http.Request.Host;
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
        try
        {
            var name = host.Host.ToLowerInvariant();
            if (HttpMethods.IsConnect(http.Request.Method))
            {
                // A tunnel would need the market to speak TLS with a certificate the client trusts; it does not.
                http.Response.StatusCode = 502;
            }
            else if (Market.Sites.TryGetValue(name, out var site) && host.Port is null or 80)
            {
                await SiteAsync(http, site, abort.Token);
            }
            else if (name is "127.0.0.1" or "localhost" && http.Request.Path.StartsWithSegments("/searxng"))
            {
                await SearXngAsync(http, abort.Token);
            }
            else if (name is "127.0.0.1" or "localhost" && http.Request.Path.StartsWithSegments("/brave"))
            {
                await BraveAsync(http, abort.Token);
            }
            else
            {
                http.Response.StatusCode = name is "127.0.0.1" or "localhost" ? 404 : 502;
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // The client gave up (a timeout) or the server is stopping: nothing left to answer.
        }
        finally
        {
            Requests.Enqueue(new MarketRequest(http.Request.Method, host.Value ?? "",
                http.Request.Path + http.Request.QueryString, http.Request.Headers.UserAgent.ToString(),
                _startedAt + started, _clock.Elapsed - started, http.Response.StatusCode));
        }
    }

    private async Task SiteAsync(HttpContext http, Site site, CancellationToken ct)
    {
        var key = http.Request.Path + http.Request.QueryString;
        var page = site.StatusAll is { } status ? MarketPage.Error(status)
            : site.RedirectAll is { } target ? MarketPage.Redirect(target + key)
            : site.Pages.GetValueOrDefault(key) ?? MarketPage.Error(404);
        var delay = _options.PageDelay + (page.Delay ?? TimeSpan.Zero);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, ct);
        }
        http.Response.StatusCode = page.Status;
        http.Response.ContentType = page.ContentType;
        if (page.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }
        if (page.Repeat == 1)
        {
            http.Response.ContentLength = page.Body.Length;
        }
        for (var i = 0; i < page.Repeat; i++)
        {
            await http.Response.Body.WriteAsync(page.Body, ct);
        }
    }
}
