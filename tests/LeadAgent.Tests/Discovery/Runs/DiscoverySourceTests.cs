using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Campaigns;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Discovery.Runs;

/// <summary>
/// The other sources and the queries' memory: a directory list is followed page by page to the company sites it
/// links to; a query's yield is kept, and a dropped query is left out of the next run's plan.
/// </summary>
public abstract class DiscoverySourceTests(DiscoveryApp app)
{
    [Fact]
    public async Task A_directory_list_is_followed_through_its_pages_to_the_companies_it_links()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var id = Unique();
        var exhibitors = Enumerable.Range(1, 3).Select(i => CompanySites.Agency($"aussteller{i}-{id}.de",
            $"Aussteller {i} {id}")).ToList();
        foreach (var e in exhibitors)
        {
            app.Sites.AddCompany(e);
        }
        var fair = $"http://messe-{id}.de";
        app.Sites.Add($"{fair}/robots.txt", new FakeSites.Page(Status: 404));
        app.Sites.Add($"{fair}/aussteller", new FakeSites.Page(Body: $"""
            <html><body><h1>Aussteller</h1><ul>
            <li><a href="http://{exhibitors[0].Host}/">{exhibitors[0].Name}</a></li>
            <li><a href="http://{exhibitors[1].Host}/">{exhibitors[1].Name}</a></li>
            <li><a href="https://www.facebook.com/messe">Facebook</a></li></ul>
            <a href="/aussteller?page=2" rel="next">Weiter</a></body></html>
            """));
        app.Sites.Add($"{fair}/aussteller?page=2", new FakeSites.Page(Body: $"""
            <html><body><ul><li><a href="http://{exhibitors[2].Host}/">{exhibitors[2].Name}</a></li></ul>
            <a href="/aussteller">Zurück</a></body></html>
            """));
        var campaign = await c.CampaignAsync(new()
        {
            Name = $"Messe {id}",
            DirectoryUrls = [$"{fair}/aussteller"],
            MaxQueriesPerRun = 0,
        });

        var run = await c.RunAsync(campaign.Id);

        Assert.Equal((1, 1, 3, 3), (run.ListsPlanned, run.ListsRead, run.Sites, run.New));
        var queue = await c.GetJsonAsync<Page<ProspectRow>>($"/api/v1/discovery/prospects?runId={run.Id}");
        Assert.Equal(exhibitors.Select(e => e.Host).Order(), queue.Items.Select(p => p.Domain).Order());
        Assert.All(queue.Items, p => Assert.Equal(("list", $"{fair}/aussteller"), (p.FoundBy, p.FoundVia)));
    }

    [Fact]
    public async Task A_query_remembers_its_yield_and_a_dropped_one_is_left_out()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var id = Unique();
        var site = CompanySites.Agency($"ertrag-{id}.de", $"Ertrag {id}");
        app.Sites.AddCompany(site);
        app.Engines.Found[$"ertrag{id} Deutschland"] = [($"http://{site.Host}/", site.Name, "Eventagentur")];
        var campaign = await c.CampaignAsync(new()
        {
            Name = $"Ertrag {id}",
            Keywords = [$"ertrag{id}"],
            Regions = ["DE"],
            MaxQueriesPerRun = 2
        });

        var first = await c.RunAsync(campaign.Id);

        Assert.Equal((2, 1), (first.Queries, first.New));
        var stats = await c.GetJsonAsync<List<QueryStatDto>>("/api/v1/discovery/queries");
        var good = stats.Single(s => s.Query == $"ertrag{id} deutschland");
        Assert.Equal((1, 1, 1, 1.0), (good.Runs, good.Results, good.NewCompanies, good.Yield));
        var barren = stats.Single(s => s.Query == $"ertrag{id} berlin");
        Assert.Equal((1, 0), (barren.Runs, barren.NewCompanies));

        (await c.PostJsonAsync("/api/v1/discovery/queries/drop", new QueryDropInput(barren.Query, true)))
            .EnsureSuccessStatusCode();
        var second = await c.RunAsync(campaign.Id);
        // München is next after Berlin in the plan; the productive query comes first.
        Assert.Equal(2, second.QueriesPlanned);
        Assert.Equal(2, (await c.GetJsonAsync<List<QueryStatDto>>("/api/v1/discovery/queries"))
            .Single(s => s.Query == good.Query).Runs);
        Assert.Equal(1, (await c.GetJsonAsync<List<QueryStatDto>>("/api/v1/discovery/queries"))
            .Single(s => s.Query == barren.Query).Runs);
    }

    [Fact]
    public async Task A_segments_search_words_are_edited_and_plan_the_next_runs()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var id = Unique();
        var viewer = await app.ClientAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutJsonAsync("/api/v1/discovery/keywords/Reseller",
            new KeywordsInput(["x"], ["y"]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await c.PutJsonAsync("/api/v1/discovery/keywords/Bakery",
            new KeywordsInput(["x"], ["y"]))).StatusCode);
        var before = (await c.GetJsonAsync<List<SegmentKeywordsDto>>("/api/v1/discovery/keywords"))
            .Single(k => k.Segment == "Reseller");
        try
        {
            var saved = await (await c.PutJsonAsync("/api/v1/discovery/keywords/reseller",
                new KeywordsInput([$"werbetechnik{id}", " "], [$"swag{id}"]))).ReadAsync<SegmentKeywordsDto>();
            Assert.Equal([$"werbetechnik{id}"], saved.German);
            Assert.Equal([$"swag{id}"], saved.English);
            var campaign = await c.CampaignAsync(new()
            {
                Name = $"Words {id}",
                Segments = ["Reseller"],
                Regions = ["AT", "GB"],
                MaxQueriesPerRun = 2
            });
            var run = await c.RunAsync(campaign.Id);
            var asked = engineQueries();
            Assert.Contains($"werbetechnik{id} Österreich", asked);
            Assert.Contains($"swag{id} UK", asked);
            Assert.Equal(2, run.Queries);
        }
        finally
        {
            await c.PutJsonAsync("/api/v1/discovery/keywords/Reseller", new KeywordsInput(before.German,
                before.English));
        }

        List<string> engineQueries() => [.. app.Engines.Requests.Select(r =>
            System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + r.PathAndQuery).Query)["q"] ?? "")];
    }
}

[Collection(nameof(SqliteDiscovery))]
public sealed class DiscoverySourceSqliteTests(SqliteDiscoveryApp app) : DiscoverySourceTests(app);

[Collection(nameof(PostgresDiscovery))]
public sealed class DiscoverySourcePostgresTests(PostgresDiscoveryApp app) : DiscoverySourceTests(app);
