using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Campaigns;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery;

/// <summary>
/// <c>discover run CAMPAIGN</c> and <c>enrich DOMAIN|URL</c>: queue a run as the API does and work it in this
/// process, printing the funnel as it moves; the run is in the app's history afterwards.
/// </summary>
internal static class DiscoverCommand
{
    public static async Task<int> RunCampaignAsync(IServiceProvider services, string[] args, Cli.Terminal terminal)
    {
        if (args.Length < 2 || args[0] != "run")
        {
            await terminal.Error.WriteLineAsync("usage: discover run CAMPAIGN   (name or id)");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpActorSource>().Set(new Actor(ActorKind.System, null,
            "command line"));
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Campaign campaign;
        await using (var db = await factory.CreateDbContextAsync())
        {
            campaign = await scope.ServiceProvider.GetRequiredService<CampaignService>()
                .FindByNameOrIdAsync(db, args[1], CancellationToken.None)
                ?? throw new NotFoundException("Campaign", args[1]);
        }
        var run = await scope.ServiceProvider.GetRequiredService<RunService>()
            .QueueAsync(campaign.Id, RunTrigger.Cli);
        return await WorkAsync(scope.ServiceProvider, run.Id, terminal);
    }

    public static async Task<int> EnrichAsync(IServiceProvider services, string[] args, Cli.Terminal terminal)
    {
        if (args.Length < 1)
        {
            await terminal.Error.WriteLineAsync("usage: enrich DOMAIN|URL");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpActorSource>().Set(new Actor(ActorKind.System, null,
            "command line"));
        var run = await scope.ServiceProvider.GetRequiredService<RunService>().ResearchAsync(args[0]);
        var code = await WorkAsync(scope.ServiceProvider, run.Id, terminal);
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        foreach (var p in await db.Prospects.AsNoTracking().Where(p => p.RunId == run.Id).ToListAsync())
        {
            await terminal.Out.WriteLineAsync($"{p.Domain}: {p.Research}"
                + (p.Outcome is null ? "" : $" ({p.Outcome})")
                + (p.CompanyId is null ? "" : $", matched company {p.CompanyId} — {p.MatchEvidence}"));
            foreach (var (label, value) in new[]
            {
                ("Name", p.Name), ("Legal name", p.LegalName), ("VAT id", p.VatId), ("Register", p.Register),
                ("Phone", p.Phone), ("E-mail", p.Email), ("City", p.City), ("Country", p.Country),
                ("Segment", p.Segment), ("Review", p.Review.ToString()),
            }.Where(x => x.Item2 is not null))
            {
                await terminal.Out.WriteLineAsync($"  {label,-11} {value}");
            }
        }
        return code;
    }

    // Works the run here (no web worker runs in the CLI), printing the funnel every second; when a server sharing
    // the database claimed it first, follows it there until it ends.
    private static async Task<int> WorkAsync(IServiceProvider services, Guid id, Cli.Terminal terminal)
    {
        var runner = services.GetRequiredService<DiscoveryRunner>();
        var queries = services.GetRequiredService<RunQueries>();
        var work = runner.RunAsync(id, CancellationToken.None);
        while (!work.IsCompleted || (await queries.GetAsync(id)).Status is RunStatus.Queued or RunStatus.Running)
        {
            await Task.WhenAny(work, Task.Delay(1000));
            await terminal.Out.WriteLineAsync(Funnel(await queries.GetAsync(id)));
        }
        await work;
        var done = await queries.GetAsync(id);
        await terminal.Out.WriteLineAsync($"{done.Status}: {Funnel(done)}"
            + (done.StopReason is null ? "" : $" — {done.StopReason}")
            + (done.Error is null ? "" : $" — {done.Error}"));
        foreach (var warning in done.Warnings.TakeLast(5))
        {
            await terminal.Out.WriteLineAsync($"  ! {warning}");
        }
        return done.Status is RunStatus.Completed or RunStatus.Stopped ? 0 : 1;
    }

    private static string Funnel(RunDto r) =>
        $"  {r.Stage}: {r.Queries}/{r.QueriesPlanned} queries, {r.Results} results, {r.Sites} sites, "
        + $"{r.SitesDone} researched ({r.RobotsBlocked} robots-blocked, {r.Unreachable} unreachable), "
        + $"{r.PagesFetched} requests, {r.MatchedExisting} existing, {r.New} new";
}
