using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LeadAgent.Tests.Discovery;

/// <summary>
/// Company websites on loopback, reached the way the crawler reaches sites through a proxy: the same server answers
/// as an HTTP proxy (requests in absolute form, any host name) and serves each host's pages by its Host header.
/// </summary>
public sealed class FakeSites : IAsyncDisposable
{
    /// <summary>An answer: its status, type and body; a redirect target; a delay; gzip; a body repeated.</summary>
    public sealed record Page(int Status = 200, string Type = "text/html; charset=utf-8", string Body = "",
        string? Location = null, TimeSpan? Delay = null, bool Gzip = false, int Repeat = 1);

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Page> _pages = new();

    /// <summary>Every request as host + path and query, with its User-Agent.</summary>
    public ConcurrentQueue<(string Key, string UserAgent)> Requests { get; } = new();

    /// <summary>The server's own address: the proxy setting, or a site reached directly.</summary>
    public string Url { get; private set; } = "";

    private FakeSites(WebApplication app) => _app = app;

    public static async Task<FakeSites> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sites = new FakeSites(app);
        app.Run(sites.AnswerAsync);
        await app.StartAsync();
        sites.Url = app.Urls.First();
        return sites;
    }

    public FakeSites Add(string url, Page page)
    {
        var uri = new Uri(url);
        _pages[uri.Host.ToLowerInvariant() + uri.PathAndQuery] = page;
        return this;
    }

    public int Count(string url)
    {
        var uri = new Uri(url);
        return Requests.Count(r => r.Key == uri.Host.ToLowerInvariant() + uri.PathAndQuery);
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var key = http.Request.Host.Host.ToLowerInvariant() + http.Request.Path + http.Request.QueryString;
        Requests.Enqueue((key, http.Request.Headers.UserAgent.ToString()));
        if (!_pages.TryGetValue(key, out var page))
        {
            http.Response.StatusCode = 404;
            return;
        }
        if (page.Delay is { } delay)
        {
            await Task.Delay(delay, http.RequestAborted);
        }
        http.Response.StatusCode = page.Status;
        http.Response.ContentType = page.Type;
        if (page.Location is { } location)
        {
            http.Response.Headers.Location = location;
        }
        var bytes = Encoding.UTF8.GetBytes(page.Body);
        if (!page.Gzip)
        {
            await WriteAsync(http.Response.Body, bytes, page.Repeat, http.RequestAborted);
            return;
        }
        http.Response.Headers.ContentEncoding = "gzip";
        await using var gzip = new GZipStream(http.Response.Body, CompressionLevel.Fastest, leaveOpen: true);
        await WriteAsync(gzip, bytes, page.Repeat, http.RequestAborted);
    }

    private static async Task WriteAsync(Stream output, byte[] bytes, int times, CancellationToken ct)
    {
        for (var i = 0; i < times; i++)
        {
            await output.WriteAsync(bytes, ct);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
