using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadAgent.Bench;

/// <summary>
/// N local company sites behind one HTTP proxy on loopback: robots.txt and eight pages each (home, two imprint, two
/// contact, two about and a team page), every answer after a fixed latency. It records when each host was asked, so
/// the bench can check the per-host gap the crawler kept.
/// </summary>
internal sealed class CrawlSites : IAsyncDisposable
{
    public static readonly string[] Paths =
        ["/impressum", "/legal-notice", "/kontakt", "/contact", "/ueber-uns", "/about", "/team"];

    private readonly WebApplication _app;
    private readonly TimeSpan _latency;
    private readonly Dictionary<string, List<DateTime>> _asked = [];
    private int _requests;

    private CrawlSites(WebApplication app, TimeSpan latency) => (_app, _latency) = (app, latency);

    public string Url { get; private set; } = "";

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<CrawlSites> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sites = new CrawlSites(app, latency);
        app.Run(sites.AnswerAsync);
        await app.StartAsync();
        sites.Url = app.Urls.First();
        return sites;
    }

    /// <summary>The smallest gap between two requests to one host, over all hosts.</summary>
    public TimeSpan MinimumGap()
    {
        lock (_asked)
        {
            return _asked.Values.Where(t => t.Count > 1)
                .Select(t => t.Order().Zip(t.Order().Skip(1), (a, b) => b - a).Min()).DefaultIfEmpty().Min();
        }
    }

    private async Task AnswerAsync(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        var host = http.Request.Host.Host;
        lock (_asked)
        {
            (_asked.TryGetValue(host, out var times) ? times : _asked[host] = []).Add(DateTime.UtcNow);
        }
        await Task.Delay(_latency, http.RequestAborted);
        var path = http.Request.Path.Value ?? "/";
        if (path == "/robots.txt")
        {
            http.Response.ContentType = "text/plain";
            await http.Response.WriteAsync("User-agent: *\nAllow: /\n");
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        var links = path == "/"
            ? string.Concat(Paths.Select(p => $"<a href=\"{p}\">{p.Trim('/').Replace('-', ' ')}</a> "))
            : "<a href=\"/\">Home</a>";
        await http.Response.WriteAsync($"""
            <!doctype html><html lang="de"><head><title>{host} {path}</title></head><body><nav>{links}</nav>
            <h1>{host}</h1><p>Eventagentur und Messebau. Telefon +49 89 1234567, E-Mail info@{host}.</p>
            <p>Muster Events GmbH, Leopoldstraße 12, 80802 München. Geschäftsführer: Anna Berger.</p>
            </body></html>
            """);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
