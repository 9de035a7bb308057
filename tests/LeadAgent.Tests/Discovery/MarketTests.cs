using System.Net;
using System.Text.Json;
using LeadAgent.Market;
using LeadAgent.Web.Features.Discovery.Crawling;
using LeadAgent.Web.Features.Discovery.Search;
using LeadAgent.Web.Features.Discovery.Search.Providers;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace LeadAgent.Tests.Discovery;

/// <summary>
/// The simulated market the discovery tests and benchmarks run against: the same seed gives the same bytes, its
/// truth holds up (check digits, valid phone numbers, values printed where the truth says, robots.txt read the way
/// the crawler reads it), and its server answers as the crawler's proxy and as SearXNG and Brave to the app's own
/// providers, with fitting companies for fitting queries.
/// </summary>
public sealed class MarketTests
{
    private static readonly Lazy<Market.Market> Shared = new(() => MarketGenerator.Generate(2024, 300));

    private static Market.Market World => Shared.Value;

    [Fact]
    public void The_same_seed_gives_the_same_market_byte_for_byte_and_another_seed_another()
    {
        var a = MarketGenerator.Generate(11, 120);
        var b = MarketGenerator.Generate(11, 120);
        Assert.Equal(a.Sites.Keys, b.Sites.Keys);
        foreach (var (host, site) in a.Sites)
        {
            Assert.Equal(site.Pages.Keys, b.Sites[host].Pages.Keys);
            Assert.All(site.Pages, p =>
                Assert.True(p.Value.Body.AsSpan().SequenceEqual(b.Sites[host].Pages[p.Key].Body), host + p.Key));
        }
        Assert.Equal(a.Companies.Select(Describe), b.Companies.Select(Describe));
        Assert.Equal(a.Census(), b.Census());
        Assert.Equal(a.Search.Search("eventagentur wien"), b.Search.Search("eventagentur wien"));
        Assert.NotEqual(a.Companies.Select(Describe), MarketGenerator.Generate(12, 120).Companies.Select(Describe));
    }

    [Fact]
    public void The_truth_holds_check_digits_valid_numbers_and_values_printed_where_it_says()
    {
        Assert.All(["DE136695976", "ATU13585627", "GB123456782", "CHE116281710"], id => Assert.True(ValidVat(id)));
        Assert.False(ValidVat("DE136695975"));
        var phones = PhoneNumberUtil.GetInstance();
        foreach (var c in World.Companies)
        {
            Assert.True(c.VatId is null || ValidVat(c.VatId), $"{c}: {c.VatId}");
            Assert.True(c.Phone is null || phones.IsValidNumber(phones.Parse(c.Phone, null)), $"{c}: {c.Phone}");
            Assert.Equal(c.Segment is not null && c.Country is "DE" or "AT" or "CH" or "GB" or "AE", c.Fits);
            // The legal page prints the VAT id (spaced, dotted or bare) and the register number.
            var legal = LegalPage(c);
            var digits = new string([.. legal.Where(char.IsAsciiLetterOrDigit)]);
            Assert.True(c.VatId is null || digits.Contains(c.VatId[^9..], StringComparison.Ordinal), $"{c} VAT");
            var register = c.Register?.Split(' ').First(part => part.Any(char.IsAsciiDigit));
            Assert.True(register is null || legal.Contains(register, StringComparison.Ordinal), $"{c} register");
        }
        foreach (var country in new[] { "DE", "AT", "CH", "GB", "AE" })
        {
            Assert.All(Enum.GetValues<MarketSegment>(), s => Assert.Contains(World.Fitting,
                c => c.Country == country && c.Segment == s));
        }
        Assert.InRange(World.Fitting.Count(), 120, 200);
        Assert.Contains(World.Fitting, c => c.VatId is null);
        Assert.Contains(World.Fitting, c => c.Phone is null);
        Assert.Contains(World.Companies, c => c.Domains.Count == 2);
    }

    [Fact]
    public void Robots_truth_is_what_the_crawlers_own_parser_reads_from_each_file()
    {
        var files = World.Robots.Where(r => r.Value is { Status: 200, Text: not null }).ToList();
        Assert.Contains(files, f => f.Value.Text!.Contains("User-agent: LeadAgent", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Value.CrawlDelay is not null);
        foreach (var (host, robots) in files)
        {
            var parsed = RobotsTxt.Parse(robots.Text!, PageFetcher.ProductToken);
            Assert.Equal(robots.CrawlDelay, parsed.CrawlDelay);
            foreach (var path in World.Sites[host].Pages.Keys.Concat(["/", "/intern/x", "/wp-admin/admin-ajax.php",
                "/brochure.pdf", "/cgi-bin/a"]))
            {
                Assert.True(parsed.IsAllowed(path) == robots.IsAllowed(path), $"{host}{path}");
            }
        }
        Assert.All(World.Traps[MarketTraps.DisallowAll], h => Assert.False(World.IsAllowed(h, "/")));
    }

    [Fact]
    public async Task The_server_is_the_crawlers_proxy_for_every_market_host_and_records_each_request()
    {
        await using var server = await MarketServer.StartAsync(World);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = true,
            Proxy = new WebProxy(server.ProxyUrl),
            AllowAutoRedirect = false,
        });
        http.DefaultRequestHeaders.UserAgent.ParseAdd("LeadAgent/1.0");
        var company = World.Fitting.First(c => World.IsCrawlable(c) && !c.Name.Contains('&'));
        var home = await http.GetAsync(company.Website, Ct);
        if (home.StatusCode == HttpStatusCode.MovedPermanently)
        {
            Assert.Equal($"http://www.{company.Domains[0]}/", home.Headers.Location!.ToString());
            home = await http.GetAsync(home.Headers.Location, Ct);
        }
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(company.Name, await home.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.BadGateway, (await http.GetAsync("http://not-in-the-market.de/", Ct)).StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(company.Website.Replace("http:", "https:",
            StringComparison.Ordinal), Ct));
        var closed = World.Traps[MarketTraps.DisallowAll][0];
        Assert.Contains("Disallow: /", await http.GetStringAsync($"http://{closed}/robots.txt", Ct));
        Assert.Empty(server.Forbidden());
        await http.GetAsync($"http://{closed}/", Ct);
        var forbidden = Assert.Single(server.Forbidden());
        Assert.Equal(("/", "LeadAgent/1.0"), (forbidden.PathAndQuery, forbidden.UserAgent));
        Assert.Equal(2, server.SiteRequests(closed).Count);
        Assert.NotNull(server.MinimumGap(closed));
        Assert.Equal(1, server.MaxConcurrent(closed));
        // A site that is down answers 500 to everything, robots.txt too, which the RFC reads as "keep out".
        var down = World.Traps[MarketTraps.ServerErrorSite][0];
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync($"http://{down}/", Ct)).StatusCode);
        Assert.False(World.IsAllowed(down, "/"));

        // The app's fetcher, configured as in production with the market as its proxy.
        using var fetcher = new PageFetcher(Options.Create(new DiscoveryHttpOptions { Proxy = server.ProxyUrl }),
            TimeProvider.System);
        var page = await fetcher.FetchAsync(new Uri(company.Website), FetchKind.Page, Ct);
        Assert.Equal(FetchOutcome.Fetched, page.Outcome);
        var huge = World.Sites[World.Traps[MarketTraps.HugePage][0]];
        var big = new Uri($"http://{huge.Host}{huge.Pages.Single(p => p.Value.Repeat > 1).Key}");
        Assert.Equal(FetchOutcome.TooLarge, (await fetcher.FetchAsync(big, FetchKind.Page, Ct)).Outcome);
    }

    [Fact]
    public async Task The_server_answers_as_SearXng_and_as_Brave_to_the_apps_own_providers()
    {
        await using var server = await MarketServer.StartAsync(World, new MarketServerOptions { BraveKey = "k-1" });
        using var http = new HttpClient();
        var expected = World.Search.Search("werbemittel händler österreich", "de");
        var searx = new SearXngProvider(http, new Uri(server.SearXngUrl));
        var first = await searx.SearchAsync(new SearchRequest("werbemittel händler österreich", "de"), Ct);
        Assert.Equal(SearchStatus.Ok, first.Status);
        Assert.Equal(expected.Take(20).Select(r => r.Url), first.Hits.Select(h => h.Url.ToString()));
        Assert.Equal(Enumerable.Range(1, 20), first.Hits.Select(h => h.Rank));
        var second = await searx.SearchAsync(new SearchRequest("werbemittel händler österreich", "de", Page: 2), Ct);
        Assert.Equal(expected.Skip(20).Take(20).Select(r => r.Url), second.Hits.Select(h => h.Url.ToString()));
        var html = await http.GetAsync(server.SearXngUrl + "search?q=werbemittel&format=html", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, html.StatusCode);

        var brave = new BraveProvider(http, new Uri(server.BraveUrl), "k-1");
        var dubai = await brave.SearchAsync(new SearchRequest("event management company dubai", "en", "AE"), Ct);
        Assert.Equal((SearchStatus.Ok, 20, true, 1),
            (dubai.Status, dubai.Hits.Count, dubai.MoreAvailable, dubai.Cost));
        Assert.Equal(World.Search.Search("event management company dubai", "en", "AE")[0].Url,
            dubai.Hits[0].Url.ToString());
        var refused = await new BraveProvider(http, new Uri(server.BraveUrl), "wrong")
            .SearchAsync(new SearchRequest("event management company dubai"), Ct);
        Assert.Equal(SearchStatus.Failed, refused.Status);
        using var raw = new HttpRequestMessage(HttpMethod.Get,
            server.BraveUrl + "res/v1/web/search?q=werbemittel&count=5");
        raw.Headers.Add("X-Subscription-Token", "k-1");
        using var json = JsonDocument.Parse(await (await http.SendAsync(raw, Ct)).Content.ReadAsStringAsync(Ct));
        var results = json.RootElement.GetProperty("web").GetProperty("results");
        Assert.Equal(5, results.GetArrayLength());
        Assert.Equal(new Uri(results[0].GetProperty("url").GetString()!).Host,
            results[0].GetProperty("meta_url").GetProperty("hostname").GetString());
        Assert.Contains(server.Requests,
            r => r.PathAndQuery.StartsWith("/brave/res/v1/web/search?q=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("eventagentur münchen", MarketSegment.EventAgency, "DE AT CH", 5)]
    [InlineData("promotional products reseller uk", MarketSegment.Reseller, "GB", 5)]
    [InlineData("werbemittel händler österreich", MarketSegment.Reseller, "AT", 3)]
    [InlineData("event management company dubai", MarketSegment.EventAgency, "AE", 3)]
    public void Search_finds_fitting_companies_for_fitting_queries_among_noise(string query, MarketSegment segment,
        string countries, int atLeast)
    {
        var top = World.Search.Search(query).Take(20).Select(r => (Hit: r, Company: World.CompanyOf(r.Url))).ToList();
        Assert.Equal(20, top.Count);
        bool Wanted(MarketCompany? c) => c is { Fits: true } && c.Segment == segment
            && countries.Contains(c.Country, StringComparison.Ordinal);
        var expected = Math.Min(atLeast, World.Companies.Count(Wanted));
        Assert.True(top.Count(t => Wanted(t.Company)) >= expected, string.Join("\n", top));
        // Noise ranks too: a directory, news page, parked domain or a company that does not fit.
        Assert.Contains(top, t => t.Company is not { Fits: true });
    }

    private static string Describe(MarketCompany c) => string.Join("|", c.LegalName, string.Join(",", c.Domains),
        c.VatId, c.Phone, c.Email, c.Kind, c.Country, c.Register, string.Join(",", c.People), string.Join(",",
        c.Socials));

    private static string LegalPage(MarketCompany c)
    {
        var host = World.Sites.Values.First(s => s.CompanyId == c.Id && s.Kind != SiteKind.Alias);
        return host.Pages.Where(p => p.Key is "/impressum" or "/impressum.html" or "/rechtliches" or "/de/impressum"
            or "/imprint" or "/legal-notice" or "/legal" or "/company-information").Select(p => p.Value.Text).Single();
    }

    // Written apart from the market's own generator: ISO 7064 MOD 11,10 (DE), the ATU variant of Luhn, HMRC's
    // mod 97 and 9755 (GB), UID mod 11 (CH), NL mod 11; a UAE TRN has 15 digits from 100.
    private static bool ValidVat(string id)
    {
        int D(int i) => id[i] - '0';
        switch (id[..2])
        {
            case "DE":
                var p = 10;
                for (var i = 2; i < 10; i++)
                {
                    var s = (D(i) + p) % 10;
                    p = (s == 0 ? 10 : s) * 2 % 11;
                }
                return id.Length == 11 && (11 - p) % 10 == D(10);
            case "AT":
                var sum = D(3) + D(5) + D(7) + D(9) + new[] { 4, 6, 8 }.Sum(i => D(i) * 2 / 10 + D(i) * 2 % 10);
                return id.Length == 11 && (96 - sum) % 10 == D(10);
            case "GB":
                var total = Enumerable.Range(2, 7).Sum(i => D(i) * (10 - i)) + D(9) * 10 + D(10);
                return id.Length == 11 && (total % 97 == 0 || (total + 55) % 97 == 0);
            case "CH":
                var weighted = new[] { 5, 4, 3, 2, 7, 6, 5, 4 }.Select((w, i) => w * D(3 + i)).Sum();
                return id.Length == 12 && (11 - weighted % 11) % 11 == D(11);
            case "NL":
                return id.Length == 14 && Enumerable.Range(2, 8).Sum(i => D(i) * (11 - i)) % 11 == D(10);
            default:
                return id.Length == 15 && id.StartsWith("100", StringComparison.Ordinal) && id.All(char.IsAsciiDigit);
        }
    }
}
