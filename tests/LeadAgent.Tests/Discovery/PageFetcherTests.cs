using System.Text;
using LeadAgent.Web.Features.Discovery.Crawling;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadAgent.Tests.Discovery;

/// <summary>
/// The crawler's fetches over real HTTP to fake sites on loopback, through a proxy as a corporate network has it:
/// redirects checked hop by hop, limits that end a fetch with a reason, private targets refused in every notation,
/// and robots.txt fetched once per site with the RFC's meaning for each answer.
/// </summary>
public sealed class PageFetcherTests : IAsyncLifetime
{
    private FakeSites _sites = null!;

    public async ValueTask InitializeAsync() => _sites = await FakeSites.StartAsync();

    public async ValueTask DisposeAsync() => await _sites.DisposeAsync();

    // The proxy (the fake, on loopback) is the one private address the fetcher connects to.
    private PageFetcher ThroughProxy(int timeoutSeconds = 20) =>
        new(Options.Create(new DiscoveryHttpOptions { Proxy = _sites.Url, TimeoutSeconds = timeoutSeconds }),
            TimeProvider.System);

    private static PageFetcher Direct(bool allowLoopback = false) =>
        new(Options.Create(new DiscoveryHttpOptions { AllowLoopback = allowLoopback }), TimeProvider.System);

    [Fact]
    public async Task Pages_come_through_the_proxy_decompressed_and_after_checked_redirects()
    {
        var html = "<html><head><title>Acme Events GmbH</title></head><body>Messebau in Berlin</body></html>";
        _sites.Add("http://acme-events.test/", new(Body: html))
            .Add("http://acme-events.test/zipped", new(Body: html, Gzip: true))
            .Add("http://acme-events.test/a", new(301, Location: "/b"))
            .Add("http://acme-events.test/b", new(302, Location: "http://www.acme-events.test/c"))
            .Add("http://www.acme-events.test/c", new(Body: html))
            .Add("http://acme-events.test/loop", new(302, Location: "/loop"))
            .Add("http://acme-events.test/metadata", new(302, Location: "http://169.254.169.254/latest/meta-data"))
            .Add("http://acme-events.test/logo.png", new(Type: "image/png", Body: "PNG"));
        using var fetcher = ThroughProxy();

        var home = await fetcher.FetchAsync(new Uri("http://acme-events.test/"), FetchKind.Page, Ct);
        Assert.Equal((FetchOutcome.Fetched, 200, "text/html"), (home.Outcome, home.Status, home.ContentType));
        Assert.Equal(html, Encoding.UTF8.GetString(home.Body));
        Assert.StartsWith("LeadAgent/", _sites.Requests.First().UserAgent);
        Assert.Contains("(+", _sites.Requests.First().UserAgent);

        var zipped = await fetcher.FetchAsync(new Uri("http://acme-events.test/zipped"), FetchKind.Page, Ct);
        Assert.Equal(html, Encoding.UTF8.GetString(zipped.Body));

        var moved = await fetcher.FetchAsync(new Uri("http://acme-events.test/a"), FetchKind.Page, Ct);
        Assert.Equal((FetchOutcome.Fetched, "http://www.acme-events.test/c"), (moved.Outcome, moved.Url.ToString()));

        var loop = await fetcher.FetchAsync(new Uri("http://acme-events.test/loop"), FetchKind.Page, Ct);
        Assert.Equal(FetchOutcome.TooManyRedirects, loop.Outcome);
        Assert.Equal(6, _sites.Count("http://acme-events.test/loop"));   // the first request and five redirects

        var metadata = await fetcher.FetchAsync(new Uri("http://acme-events.test/metadata"), FetchKind.Page, Ct);
        Assert.Equal(FetchOutcome.Refused, metadata.Outcome);
        Assert.DoesNotContain(_sites.Requests, r => r.Key.StartsWith("169.254.", StringComparison.Ordinal));

        var logo = await fetcher.FetchAsync(new Uri("http://acme-events.test/logo.png"), FetchKind.Page, Ct);
        Assert.Equal(FetchOutcome.NotHtml, logo.Outcome);
        var missing = await fetcher.FetchAsync(new Uri("http://acme-events.test/gone"), FetchKind.Page, Ct);
        Assert.Equal((FetchOutcome.HttpError, 404), (missing.Outcome, missing.Status));
    }

    [Fact]
    public async Task Limits_end_a_fetch_with_a_reason_instead_of_an_error()
    {
        _sites.Add("http://huge.test/", new(Body: new string('x', 1024 * 1024), Repeat: 3))
            .Add("http://huge.test/bomb", new(Body: new string('x', 1024 * 1024), Repeat: 3, Gzip: true))
            .Add("http://slow.test/", new(Body: "<html></html>", Delay: TimeSpan.FromSeconds(30)));
        using var fetcher = ThroughProxy(timeoutSeconds: 1);
        var huge = await fetcher.FetchAsync(new Uri("http://huge.test/"), FetchKind.Page, Ct);
        Assert.Equal(FetchOutcome.TooLarge, huge.Outcome);
        // Counted after decompression: 3 MB of x compress to a few KB.
        var bomb = await fetcher.FetchAsync(new Uri("http://huge.test/bomb"), FetchKind.Page, Ct);
        Assert.Equal(FetchOutcome.TooLarge, bomb.Outcome);
        var slow = await fetcher.FetchAsync(new Uri("http://slow.test/"), FetchKind.Page, Ct);
        Assert.Equal(FetchOutcome.TimedOut, slow.Outcome);
        Assert.NotNull(slow.Reason);
    }

    [Theory]
    [InlineData("http://localhost/")]
    [InlineData("http://app.localhost/")]
    [InlineData("http://127.0.0.1/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://0177.0.0.1/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://192.168.1.1/")]
    [InlineData("http://100.64.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://[fe80::1]/")]
    [InlineData("http://user:secret@acme.example/")]
    [InlineData("ftp://acme.example/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://0/")]
    [InlineData("http://127.1/")]
    [InlineData("http://[::]/")]
    [InlineData("http://localhost./")]
    [InlineData("http://[::ffff:a9fe:a9fe]/")]
    [InlineData("http://intranet/")]
    [InlineData("http://metadata/computeMetadata/v1/")]
    [InlineData("http://printer.local/")]
    [InlineData("http://wiki.corp.internal/")]
    [InlineData("http://localhost.localdomain/")]
    public async Task Private_and_odd_targets_are_refused_before_the_proxy_sees_them(string url)
    {
        // Through the proxy the names are the proxy's to resolve: the fetcher's own checks are all that stand.
        using var fetcher = ThroughProxy();
        var result = await fetcher.FetchAsync(new Uri(url), FetchKind.Page, Ct);
        Assert.Equal(FetchOutcome.Refused, result.Outcome);
        Assert.False(string.IsNullOrEmpty(result.Reason));
        Assert.Empty(_sites.Requests);
        // Without a proxy they are refused too, and a name is checked by the address it resolves to.
        using var direct = Direct();
        Assert.Equal(FetchOutcome.Refused, (await direct.FetchAsync(new Uri(url), FetchKind.Page, Ct)).Outcome);
    }

    [Fact]
    public async Task Ranges_the_admin_opened_for_the_inbox_stay_closed_to_the_crawler()
    {
        // The fake listens on loopback; a direct fetch reaches it only with the crawler's own explicit setting.
        _sites.Add("http://127.0.0.1/", new(Body: "<html>local</html>"));
        using var strict = Direct();
        Assert.Equal(FetchOutcome.Refused, (await strict.FetchAsync(new Uri(_sites.Url + "/"), FetchKind.Page, Ct))
            .Outcome);
        using var allowed = Direct(allowLoopback: true);
        Assert.Equal(FetchOutcome.Fetched, (await allowed.FetchAsync(new Uri(_sites.Url + "/"), FetchKind.Page, Ct))
            .Outcome);
    }

    [Fact]
    public async Task Broken_redirects_and_bodies_are_outcomes_not_errors()
    {
        _sites.Add("http://odd.test/bad-location", new(302, Location: "http://[::1"));
        using var fetcher = ThroughProxy();
        var redirect = await fetcher.FetchAsync(new Uri("http://odd.test/bad-location"), FetchKind.Page, Ct);
        Assert.NotEqual(FetchOutcome.Fetched, redirect.Outcome);
        Assert.NotNull(redirect.Reason);
    }

    [Fact]
    public async Task Robots_txt_is_fetched_once_per_site_and_each_answer_means_what_the_rfc_says()
    {
        _sites.Add("http://rules.test/robots.txt", new(Type: "text/plain",
                Body: "User-agent: *\nDisallow: /\n\nUser-agent: LeadAgent\nDisallow: /private\nCrawl-delay: 3"))
            .Add("http://moved.test/robots.txt", new(301, Location: "http://www.moved.test/robots.txt"))
            .Add("http://www.moved.test/robots.txt", new(Type: "text/plain", Body: "User-agent: *\nDisallow: /x"))
            .Add("http://broken.test/robots.txt", new(503));
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-02T10:00:00Z"));
        using var fetcher = ThroughProxy();
        var robots = new RobotsCache(fetcher, clock);

        Assert.True(await robots.AllowsAsync(new Uri("http://rules.test/about"), Ct));
        Assert.False(await robots.AllowsAsync(new Uri("http://rules.test/private/team"), Ct));
        Assert.Equal(TimeSpan.FromSeconds(3), (await robots.ForAsync(new Uri("http://rules.test/"), Ct)).CrawlDelay);
        Assert.Equal(1, _sites.Count("http://rules.test/robots.txt"));
        clock.Advance(RobotsCache.Lifetime + TimeSpan.FromMinutes(1));
        Assert.True(await robots.AllowsAsync(new Uri("http://rules.test/"), Ct));
        Assert.Equal(2, _sites.Count("http://rules.test/robots.txt"));

        // Many pages of a new site asked for at once: one robots.txt fetch.
        _sites.Add("http://busy.test/robots.txt", new(Type: "text/plain", Body: "User-agent: *\nDisallow: /no",
            Delay: TimeSpan.FromMilliseconds(200)));
        var answers = await Task.WhenAll(Enumerable.Range(0, 10)
            .Select(i => robots.AllowsAsync(new Uri($"http://busy.test/{(i % 2 == 0 ? "no" : "yes")}/{i}"), Ct)));
        Assert.Equal(5, answers.Count(a => a));
        Assert.Equal(1, _sites.Count("http://busy.test/robots.txt"));

        Assert.False(await robots.AllowsAsync(new Uri("http://moved.test/x/1"), Ct));     // redirect followed
        Assert.True(await robots.AllowsAsync(new Uri("http://moved.test/y"), Ct));
        Assert.True(await robots.AllowsAsync(new Uri("http://missing.test/anything"), Ct));   // 404: allow all
        Assert.False(await robots.AllowsAsync(new Uri("http://broken.test/anything"), Ct));   // 503: disallow all

        // Unreachable (nothing listens on the port): disallow all.
        using var direct = Direct(allowLoopback: true);
        var closed = new RobotsCache(direct, clock);
        Assert.False(await closed.AllowsAsync(new Uri("http://127.0.0.1:1/page"), Ct));
    }
}
