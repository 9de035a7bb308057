using LeadAgent.Web.Features.Discovery.Search;
using LeadAgent.Web.Features.Discovery.Search.Providers;

namespace LeadAgent.Tests.Discovery;

/// <summary>
/// The SearXNG and Brave adapters against local servers speaking the providers' real JSON: results with ranks and
/// snippets, paging and language parameters, and every failure (format switched off, wrong key, 429, quota,
/// garbage, unreachable) as an answer with its reason.
/// </summary>
public sealed class SearchProviderTests : IAsyncLifetime
{
    private FakeSearchEngines _fake = null!;
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSearchEngines.StartAsync();
        _fake.Found["eventagentur berlin"] = [.. Enumerable.Range(1, 45).Select(i =>
            ($"https://agentur{i}.example/", $"Agentur {i} GmbH", $"Events und Messen, Nummer {i}"))];
        _fake.Found["eventagentur berlin"].Insert(2, ("javascript:alert(1)", "Bad", "not a web page"));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task SearXng_results_come_with_ranks_snippets_pages_and_the_engines_that_failed()
    {
        _fake.Unresponsive.Add(("google", "CAPTCHA"));
        var searx = new SearXngProvider(_http, new Uri(_fake.Url));
        var first = await searx.SearchAsync(new SearchRequest("eventagentur berlin", "de", "DE"), Ct);
        Assert.Equal(SearchStatus.Ok, first.Status);
        Assert.Equal(19, first.Hits.Count);   // 20 on the page, one not a web address
        Assert.Equal(("https://agentur1.example/", "Agentur 1 GmbH", 1),
            (first.Hits[0].Url.ToString(), first.Hits[0].Title, first.Hits[0].Rank));
        Assert.Equal("Events und Messen, Nummer 1", first.Hits[0].Snippet);
        Assert.Equal(["google: CAPTCHA"], first.Warnings);
        Assert.Contains(_fake.Requests,
            r => r.PathAndQuery.Contains("language=de") && r.PathAndQuery.Contains("pageno=1"));

        var third = await searx.SearchAsync(new SearchRequest("eventagentur berlin", Page: 3), Ct);
        Assert.Equal("https://agentur40.example/", third.Hits[0].Url.ToString());
        Assert.Empty((await searx.SearchAsync(new SearchRequest("nothing at all"), Ct)).Hits);

        _fake.JsonEnabled = false;
        var off = await searx.SearchAsync(new SearchRequest("eventagentur berlin"), Ct);
        Assert.Equal(SearchStatus.Failed, off.Status);
        Assert.Contains("settings.yml", off.Message);
    }

    [Fact]
    public async Task Brave_sends_its_key_and_parameters_and_tells_a_busy_second_from_a_used_up_month()
    {
        var brave = new BraveProvider(_http, new Uri(_fake.Url), FakeSearchEngines.BraveKey);
        var first = await brave.SearchAsync(new SearchRequest("eventagentur berlin", "DE", "de"), Ct);
        Assert.Equal((SearchStatus.Ok, 19, true, 1), (first.Status, first.Hits.Count, first.MoreAvailable, first.Cost));
        var sent = _fake.Requests.Last();
        Assert.Equal(FakeSearchEngines.BraveKey, sent.Key);
        Assert.Contains("count=20", sent.PathAndQuery);
        Assert.Contains("offset=0", sent.PathAndQuery);
        Assert.Contains("country=DE", sent.PathAndQuery);
        Assert.Contains("search_lang=de", sent.PathAndQuery);
        var last = await brave.SearchAsync(new SearchRequest("eventagentur berlin", Page: 3), Ct);
        Assert.Equal((6, false), (last.Hits.Count, last.MoreAvailable));   // 46 results: 20, 20, 6

        _fake.BraveRefusals.Enqueue("second");
        var busy = await brave.SearchAsync(new SearchRequest("eventagentur berlin"), Ct);
        Assert.Equal((SearchStatus.RateLimited, TimeSpan.FromSeconds(2)), (busy.Status, busy.RetryAfter));
        _fake.BraveRefusals.Enqueue("quota");
        Assert.Equal(SearchStatus.QuotaExhausted,
            (await brave.SearchAsync(new SearchRequest("eventagentur berlin"), Ct)).Status);

        var wrongKey = new BraveProvider(_http, new Uri(_fake.Url), "wrong");
        var refused = await wrongKey.SearchAsync(new SearchRequest("eventagentur berlin"), Ct);
        Assert.Equal(SearchStatus.Failed, refused.Status);
        Assert.Contains("key", refused.Message);
        var count = _fake.Requests.Count;
        Assert.Empty((await brave.SearchAsync(new SearchRequest("eventagentur berlin", Page: 11), Ct)).Hits);
        Assert.Equal(count, _fake.Requests.Count);   // past Brave's last page: not asked
    }

    [Fact]
    public async Task An_unreachable_or_garbled_provider_is_a_failed_answer_not_an_error()
    {
        var closed = new SearXngProvider(_http, new Uri("http://127.0.0.1:1/"));
        var down = await closed.SearchAsync(new SearchRequest("x"), Ct);
        Assert.Equal(SearchStatus.Failed, down.Status);
        Assert.Contains("could not be reached", down.Message);
        // A web page where the JSON API should be.
        var sites = await FakeSites.StartAsync();
        await using var _ = sites;
        sites.Add("http://127.0.0.1/search?q=x&format=json&categories=general&pageno=1",
            new FakeSites.Page(Body: "<html>Welcome</html>"));
        var garbled = await new SearXngProvider(_http, new Uri(sites.Url + "/"))
            .SearchAsync(new SearchRequest("x"), Ct);
        Assert.Equal(SearchStatus.Failed, garbled.Status);
    }
}
