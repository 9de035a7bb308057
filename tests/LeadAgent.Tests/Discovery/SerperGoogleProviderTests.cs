using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using LeadAgent.Web.Features.Discovery.Search;
using LeadAgent.Web.Features.Discovery.Search.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadAgent.Tests.Discovery;

/// <summary>
/// The Serper and Google adapters against local servers speaking the providers' real JSON: results with ranks and
/// snippets, paging, language and country sent, credits counted, and every refusal (busy, quota or credits spent,
/// wrong key or engine, garbage, unreachable) as an answer with its reason; Google's end after 2026-12-31; and the
/// provider lookup saying which setting is missing.
/// </summary>
public sealed class SerperGoogleProviderTests : IAsyncLifetime
{
    private const string Query = "eventagentur berlin";
    private FakeSearchEngines _fake = null!;
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-02T10:00:00Z"));

    public async ValueTask InitializeAsync()
    {
        _fake = await FakeSearchEngines.StartAsync();
        _fake.Found[Query] = [.. Enumerable.Range(1, 45).Select(i =>
            ($"https://agentur{i}.example/", $"Agentur {i} GmbH", $"Events und Messen, Nummer {i}"))];
        _fake.Found[Query].Insert(2, ("javascript:alert(1)", "Bad", "not a web page"));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private SerperProvider Serper(string key = FakeSearchEngines.SerperKey) => new(_http, new Uri(_fake.Url), key);

    private GoogleCseProvider Google(string key = FakeSearchEngines.GoogleKey, string cx = FakeSearchEngines.GoogleCx)
        => new(_http, new Uri(_fake.Url), key, cx, _clock);

    [Fact]
    public async Task Serper_posts_its_key_and_parameters_and_reads_ranks_snippets_pages_and_credits()
    {
        var first = await Serper().SearchAsync(new SearchRequest(Query, "DE", "AT"), Ct);
        Assert.Equal((SearchStatus.Ok, 9, true, 1), (first.Status, first.Hits.Count, first.MoreAvailable, first.Cost));
        Assert.Equal(("https://agentur1.example/", "Agentur 1 GmbH", "Events und Messen, Nummer 1", 1),
            (first.Hits[0].Url.ToString(), first.Hits[0].Title, first.Hits[0].Snippet, first.Hits[0].Rank));
        Assert.Equal(("https://agentur3.example/", 3), (first.Hits[2].Url.ToString(), first.Hits[2].Rank));
        var sent = _fake.Requests.Last();
        Assert.Equal(("/search", FakeSearchEngines.SerperKey), (sent.PathAndQuery, sent.Key));
        var body = JsonDocument.Parse(sent.Body!).RootElement;
        Assert.Equal((Query, "at", "de", 10, 1), (body.GetProperty("q").GetString(),
            body.GetProperty("gl").GetString(), body.GetProperty("hl").GetString(), body.GetProperty("num").GetInt32(),
            body.GetProperty("page").GetInt32()));

        _fake.SerperCredits = 2;
        var last = await Serper().SearchAsync(new SearchRequest(Query, Page: 5), Ct);
        Assert.Equal((6, false, 2), (last.Hits.Count, last.MoreAvailable, last.Cost));   // 46 results: 4 × 10, 6
        Assert.Equal("https://agentur40.example/", last.Hits[0].Url.ToString());
        body = JsonDocument.Parse(_fake.Requests.Last().Body!).RootElement;
        Assert.Equal(5, body.GetProperty("page").GetInt32());
        Assert.False(body.TryGetProperty("gl", out _) || body.TryGetProperty("hl", out _));   // none asked for
    }

    [Fact]
    public async Task Serper_tells_a_busy_moment_from_spent_credits_and_a_wrong_key()
    {
        _fake.SerperRefusals.Enqueue("busy");
        var busy = await Serper().SearchAsync(new SearchRequest(Query), Ct);
        // Serper sends no Retry-After: a minute is assumed.
        Assert.Equal((SearchStatus.RateLimited, TimeSpan.FromSeconds(60)), (busy.Status, busy.RetryAfter));
        _fake.SerperRefusals.Enqueue("credits");
        var spent = await Serper().SearchAsync(new SearchRequest(Query), Ct);
        Assert.Equal(SearchStatus.QuotaExhausted, spent.Status);
        Assert.Contains("Not enough credits", spent.Message);

        var refused = await Serper("wrong").SearchAsync(new SearchRequest(Query), Ct);
        Assert.Equal(SearchStatus.Failed, refused.Status);
        Assert.Contains("Unauthorized", refused.Message);
        Assert.Contains("Discovery:Providers:Serper:ApiKey", refused.Message);
        Assert.Equal((SearchStatus.Ok, 9), await Ok(Serper()));   // the refusals were one answer each
    }

    [Fact]
    public async Task Google_sends_key_engine_language_and_country_and_pages_until_the_hundredth_result()
    {
        var first = await Google().SearchAsync(new SearchRequest(Query, "DE", "DE"), Ct);
        Assert.Equal((SearchStatus.Ok, 9, true, 1), (first.Status, first.Hits.Count, first.MoreAvailable, first.Cost));
        Assert.Equal(("https://agentur1.example/", "Agentur 1 GmbH", "Events und Messen, Nummer 1", 1),
            (first.Hits[0].Url.ToString(), first.Hits[0].Title, first.Hits[0].Snippet, first.Hits[0].Rank));
        var sent = _fake.Requests.Last().PathAndQuery;
        Assert.StartsWith("/customsearch/v1?key=google-test-key&cx=0123456789abc%3Axyz", sent);
        foreach (var part in new[] { "q=eventagentur%20berlin", "start=1&", "num=10", "lr=lang_de", "gl=de" })
        {
            Assert.Contains(part, sent);
        }
        var last = await Google().SearchAsync(new SearchRequest(Query, Page: 5), Ct);
        Assert.Equal((6, false), (last.Hits.Count, last.MoreAvailable));   // no nextPage on the last page
        Assert.Equal("https://agentur40.example/", last.Hits[0].Url.ToString());
        Assert.Contains("start=41&", _fake.Requests.Last().PathAndQuery);
        var none = await Google().SearchAsync(new SearchRequest("nothing at all"), Ct);   // items left out
        Assert.Equal((SearchStatus.Ok, 0, false), (none.Status, none.Hits.Count, none.MoreAvailable));

        // start + num may not pass 100: page 9 is the last asked for, even when Google has more.
        _fake.Found["big"] = [.. Enumerable.Range(1, 150).Select(i => ($"https://big{i}.example/", $"Big {i}", "x"))];
        var ninth = await Google().SearchAsync(new SearchRequest("big", Page: 9), Ct);
        Assert.Equal((SearchStatus.Ok, 10, false), (ninth.Status, ninth.Hits.Count, ninth.MoreAvailable));
        Assert.Equal("https://big81.example/", ninth.Hits[0].Url.ToString());
        var count = _fake.Requests.Count;
        Assert.Empty((await Google().SearchAsync(new SearchRequest("big", Page: 10), Ct)).Hits);
        Assert.Equal(count, _fake.Requests.Count);
    }

    [Fact]
    public async Task Google_reads_its_error_reasons_as_busy_out_of_quota_or_refused()
    {
        var answers = new List<SearchPage>();
        foreach (var refusal in new[] { "minute", "user-rate", "day", "daily", "key" })
        {
            _fake.GoogleRefusals.Enqueue(refusal);
            answers.Add(await Google().SearchAsync(new SearchRequest(Query), Ct));
        }
        Assert.Equal((SearchStatus.RateLimited, TimeSpan.FromSeconds(30)), (answers[0].Status, answers[0].RetryAfter));
        Assert.Equal((SearchStatus.RateLimited, TimeSpan.FromSeconds(60)), (answers[1].Status, answers[1].RetryAfter));
        Assert.Equal(SearchStatus.QuotaExhausted, answers[2].Status);   // 429, but on the limit per day
        Assert.Contains("midnight Pacific", answers[2].Message);
        Assert.Equal(SearchStatus.QuotaExhausted, answers[3].Status);
        Assert.Equal(SearchStatus.Failed, answers[4].Status);
        Assert.Contains("Discovery:Providers:Google:ApiKey", answers[4].Message);

        var wrongKey = await Google(key: "wrong").SearchAsync(new SearchRequest(Query), Ct);
        Assert.Equal(SearchStatus.Failed, wrongKey.Status);
        Assert.Contains("API key not valid", wrongKey.Message);
        Assert.Contains("Discovery:Providers:Google:ApiKey", wrongKey.Message);
        var wrongEngine = await Google(cx: "nope").SearchAsync(new SearchRequest(Query), Ct);
        Assert.Equal(SearchStatus.Failed, wrongEngine.Status);
        Assert.Contains("invalid argument", wrongEngine.Message);
        Assert.Contains("Cx", wrongEngine.Message);
    }

    [Fact]
    public async Task Google_refuses_without_asking_once_its_API_has_closed()
    {
        _clock.SetUtcNow(DateTimeOffset.Parse("2026-12-31T23:59:00Z"));
        Assert.Equal((SearchStatus.Ok, 9), await Ok(Google()));
        var lookup = Lookup(o =>
        {
            o.Google.ApiKey = FakeSearchEngines.GoogleKey;
            o.Google.Cx = FakeSearchEngines.GoogleCx;
        });
        Assert.Equal("Google", lookup.Get("google").Provider?.Name);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var count = _fake.Requests.Count;
        var closed = await Google().SearchAsync(new SearchRequest(Query), Ct);
        Assert.Equal((SearchStatus.Failed, GoogleCseProvider.ClosedMessage), (closed.Status, closed.Message));
        Assert.Equal(count, _fake.Requests.Count);
        var (provider, problem) = lookup.Get("google");
        Assert.Equal((null, GoogleCseProvider.ClosedMessage), (provider?.Name, problem));
        Assert.Contains("31 December 2026", GoogleCseProvider.ClosedMessage);
    }

    [Fact]
    public async Task Garbled_or_unreachable_Serper_and_Google_are_failed_answers_not_errors()
    {
        _fake.Garbled = true;
        foreach (ISearchProvider provider in new ISearchProvider[] { Serper(), Google() })
        {
            var garbled = await provider.SearchAsync(new SearchRequest(Query), Ct);
            Assert.Equal((SearchStatus.Failed, $"{provider.Name}'s answer is not JSON."),
                (garbled.Status, garbled.Message));
        }
        var closed = new Uri("http://127.0.0.1:1/");
        foreach (ISearchProvider provider in new ISearchProvider[]
            { new SerperProvider(_http, closed, "k"), new GoogleCseProvider(_http, closed, "k", "cx", _clock) })
        {
            var down = await provider.SearchAsync(new SearchRequest(Query), Ct);
            Assert.Equal(SearchStatus.Failed, down.Status);
            Assert.StartsWith($"{provider.Name} could not be reached", down.Message);
        }
    }

    [Fact]
    public async Task The_lookup_knows_all_four_names_and_says_which_setting_is_missing()
    {
        Assert.Equal(["searxng", "brave", "serper", "google"], SearchProviders.Names);
        var empty = Lookup(_ => { });
        Assert.Equal("Serper needs an API key: set Discovery:Providers:Serper:ApiKey.", empty.Get("serper").Problem);
        Assert.Equal("Google needs an API key and a search engine id: set Discovery:Providers:Google:ApiKey and "
            + "Discovery:Providers:Google:Cx.", empty.Get("google").Problem);
        var keyOnly = Lookup(o => o.Google.ApiKey = "k");
        Assert.Equal("Google needs an API key and a search engine id: set Discovery:Providers:Google:Cx.",
            keyOnly.Get("GOOGLE").Problem);

        // A base address without its slash still reaches Serper's /search.
        var serper = Lookup(o => (o.Serper.ApiKey, o.Default) = (FakeSearchEngines.SerperKey, "serper")).Get(null);
        Assert.Equal((SearchStatus.Ok, 9), await Ok(serper.Provider!));

        var options = new SearchOptions { Default = "google" };
        options.Google.BaseUrl = "ftp://www.googleapis.com/";
        var errors = options.Validate(new ValidationContext(options)).ToList();
        Assert.Equal(["Google.BaseUrl"], errors.SelectMany(e => e.MemberNames));   // "google" itself is known
    }

    private async Task<(SearchStatus, int)> Ok(ISearchProvider provider)
    {
        var page = await provider.SearchAsync(new SearchRequest(Query), Ct);
        return (page.Status, page.Hits.Count);
    }

    // The real lookup over a real client factory, with the fake as every provider's address.
    private SearchProviders Lookup(Action<SearchOptions> configure)
    {
        var services = new ServiceCollection().AddHttpClient().Configure<SearchOptions>(o =>
        {
            foreach (var endpoint in new[] { o.SearXng, o.Brave, o.Serper, o.Google })
            {
                endpoint.BaseUrl = _fake.Url.TrimEnd('/');
            }
            configure(o);
        }).BuildServiceProvider();
        return new SearchProviders(services.GetRequiredService<IHttpClientFactory>(),
            services.GetRequiredService<IOptionsMonitor<SearchOptions>>(), _clock);
    }
}
