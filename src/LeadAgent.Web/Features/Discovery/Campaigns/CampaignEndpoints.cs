using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Features.Discovery.Search;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Campaigns;

public sealed record KeywordsInput(List<string>? German, List<string>? English);

internal static class CampaignEndpoints
{
    public static void MapCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("discovery/campaigns", "Discovery");
        g.MapGet("/", (CampaignService s, CancellationToken ct) => s.ListAsync(ct));
        g.MapGet("/{id:guid}", (CampaignService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .ProducesProblem(404);
        g.MapPost("/", async Task<Created<CampaignDto>> (CampaignService s, CampaignInput input,
            CancellationToken ct) =>
        {
            var dto = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/discovery/campaigns/{dto.Id}", dto);
        }).Writes();
        g.MapPut("/{id:guid}", (CampaignService s, Guid id, CampaignInput input, CancellationToken ct) =>
            s.UpdateAsync(id, input, ct)).Writes();
        g.MapDelete("/{id:guid}", async Task<NoContent> (CampaignService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).Writes();
        g.MapPost("/{id:guid}/runs", async Task<Created<RunDto>> (RunService s, Guid id, CancellationToken ct) =>
        {
            var run = await s.QueueAsync(id, RunTrigger.Api, ct);
            return TypedResults.Created($"/api/v1/discovery/runs/{run.Id}", RunDto.Of(run));
        }).WithSummary("Start a run now (409 while one is queued, running or paused)").Writes();

        var k = app.MapApiGroup("discovery/keywords", "Discovery");
        k.MapGet("/", async (IDbContextFactory<AppDbContext> f, CancellationToken ct) =>
        {
            await using var db = await f.CreateDbContextAsync(ct);
            return (await SegmentKeywordStore.AllAsync(db, ct))
                .Select(x => new SegmentKeywordsDto(x.Segment, x.German, x.English)).ToList();
        }).WithSummary("Each segment's search words, German and English");
        k.MapPut("/{segment}", async (IDbContextFactory<AppDbContext> f, string segment, KeywordsInput input,
            CancellationToken ct) =>
        {
            await using var db = await f.CreateDbContextAsync(ct);
            return await SegmentKeywordStore.SaveAsync(db, segment, input.German, input.English, ct);
        }).Writes();

        var p = app.MapApiGroup("discovery/providers", "Discovery");
        p.MapGet("/", async (SearchProviders providers, ProviderSettings settings, CancellationToken ct) =>
                providers.Views(await settings.SavedAsync(ct)))
            .WithSummary("Search providers: address and whether a key is set (never the key)")
            .RequireAuthorization(Policies.Admin);
        p.MapPut("/{name}", async (SearchProviders providers, ProviderSettings settings, string name,
            ProviderInput input, CancellationToken ct) =>
        {
            await settings.SaveAsync(name, input, ct);
            return providers.Views(await settings.SavedAsync(ct)).Single(v => v.Name == name.ToLowerInvariant());
        }).WithSummary("Save a provider's address and key in the app (encrypted; an empty value removes it)")
            .RequireAuthorization(Policies.Admin).ProducesValidationProblem().ProducesProblem(404);

        var q = app.MapApiGroup("discovery/queries", "Discovery");
        q.MapGet("/", async (IDbContextFactory<AppDbContext> f, CancellationToken ct) =>
        {
            await using var db = await f.CreateDbContextAsync(ct);
            var stats = await db.QueryStats.AsNoTracking().ToListAsync(ct);
            return stats.Select(s => new QueryStatDto(s.Query, s.Runs, s.Results, s.NewCompanies,
                QueryPlanner.Yield(s), s.LastRunAt, s.Dropped)).OrderByDescending(s => s.Yield).ToList();
        }).WithSummary("Each query's yield (new companies per run); dropped ones are left out of new plans");
        q.MapPost("/drop", (IDbContextFactory<AppDbContext> f, QueryDropInput input, CancellationToken ct) =>
            QueryYield.SetDroppedAsync(f, input.Query, input.Dropped ?? true, ct))
            .WithSummary("Drop a query (dropped=false takes it back)").Writes();
    }
}

public sealed record QueryDropInput(string? Query, bool? Dropped);
