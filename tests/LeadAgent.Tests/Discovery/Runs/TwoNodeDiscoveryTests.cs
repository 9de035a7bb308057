using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery;
using LeadAgent.Web.Features.Discovery.Campaigns;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LeadAgent.Tests.Discovery.Runs;

/// <summary>One node of a deployment sharing PostgreSQL, with discovery pointed at the shared fakes.</summary>
public sealed class DiscoveryNode(string connectionString, FakeSites sites, FakeSearchEngines engines)
    : AppFactory(Provider.Postgres)
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:LeadAgent", connectionString);
        builder.UseSetting("DataDirectory",
            Path.Combine(Path.GetTempPath(), "leadagent-tests", "node-" + Guid.NewGuid().ToString("N")));
        builder.UseSetting("Discovery:Http:Proxy", sites.Url);
        builder.UseSetting("Discovery:Crawl:MinDelaySeconds", "0");
        builder.UseSetting("Discovery:Providers:SearXng:BaseUrl", engines.Url);
        builder.UseSetting("Discovery:Runs:PollSeconds", "1");
    }
}

/// <summary>
/// Two app instances on one PostgreSQL: a queued run is worked by exactly one of them (each site fetched once, each
/// prospect once), and a scheduled campaign that both see as due gets exactly one run.
/// </summary>
public sealed class TwoNodeDiscoveryTests
{
    [Fact]
    public async Task Two_nodes_work_each_run_once_and_schedule_each_start_once()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        await using var sites = await FakeSites.StartAsync();
        await using var engines = await FakeSearchEngines.StartAsync();
        await using var a = new DiscoveryNode(database.ConnectionString, sites, engines);
        await a.InitializeAsync();
        await using var b = new DiscoveryNode(database.ConnectionString, sites, engines);
        await b.InitializeAsync();
        var id = Unique();
        var companies = Enumerable.Range(1, 8).Select(i => CompanySites.Agency($"node{i}-{id}.de", $"Knoten {i}"))
            .ToList();
        foreach (var company in companies)
        {
            sites.AddCompany(company);
        }
        engines.Found[$"nodes{id} Deutschland"] = [.. companies.Select(s => ($"http://{s.Host}/", s.Name, "x"))];
        var c = await a.ClientAsync(Roles.Sales);
        var campaign = await c.CampaignAsync(new()
        {
            Name = $"Nodes {id}",
            Keywords = [$"nodes{id}"],
            Regions = ["DE"],
            MaxQueriesPerRun = 1
        });

        // Queued on A, announced to nobody on B: whichever polls first takes it.
        var run = await c.RunAsync(campaign.Id);

        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal((8, 8, 8), (run.Sites, run.Researched, run.New));
        Assert.All(companies, s => Assert.Equal(1, sites.Count($"http://{s.Host}/impressum")));
        Assert.Equal(1, engines.Requests.Count(r => r.PathAndQuery.Contains($"nodes{id}")));

        // Both schedulers find the campaign due at the same moment: one run is queued.
        await using (var db = a.CreateDbContext())
        {
            await db.Campaigns.Where(x => x.Id == campaign.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Schedule, "0 6 * * *")
                .SetProperty(x => x.NextRunAt, DateTime.UtcNow.AddMinutes(-1)),
                Ct);
        }
        var schedulers = new[] { a, b }.Select(n => n.Services.GetServices<IHostedService>()
            .OfType<CampaignScheduler>().Single()).ToList();
        // (Their own loops poll every second too and may win: still one run in all.)
        var queued = await Task.WhenAll(schedulers.Select(s => s.ScheduleDueAsync(Ct)));
        Assert.True(queued.Sum() <= 1);
        await using var check = a.CreateDbContext();
        Assert.Equal(1, await check.DiscoveryRuns.CountAsync(r => r.CampaignId == campaign.Id
            && r.Trigger == RunTrigger.Schedule, Ct));
        var next = (await check.Campaigns.SingleAsync(x => x.Id == campaign.Id, Ct)).NextRunAt;
        Assert.True(next > DateTime.UtcNow);
    }
}
