using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Alerts;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Runs;

public sealed record ResearchInput(string? Site);

internal static class RunEndpoints
{
    public static void MapRunEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("discovery/runs", "Discovery");
        g.MapGet("/", (RunQueries q, Guid? campaignId, int? limit, CancellationToken ct) =>
                q.ListAsync(campaignId, limit, ct))
            .WithSummary("Runs, newest first, with their counts");
        g.MapGet("/{id:guid}", (RunQueries q, Guid id, CancellationToken ct) => q.GetAsync(id, ct))
            .ProducesProblem(404);
        g.MapPost("/research", async Task<Created<RunDto>> (RunService s, ResearchInput input, CancellationToken ct) =>
        {
            var run = await s.ResearchAsync(input.Site ?? "", ct);
            return TypedResults.Created($"/api/v1/discovery/runs/{run.Id}", RunDto.Of(run));
        }).WithSummary("Research one site (domain or URL) now: matched, enriched or proposed").Writes();
        g.MapPost("/{id:guid}/cancel", async (RunService s, Guid id, CancellationToken ct) =>
            RunDto.Of(await s.CancelAsync(id, ct))).Writes();
        g.MapPost("/{id:guid}/pause", async (RunService s, Guid id, CancellationToken ct) =>
            RunDto.Of(await s.PauseAsync(id, ct))).Writes();
        g.MapPost("/{id:guid}/resume", async (RunService s, Guid id, CancellationToken ct) =>
            RunDto.Of(await s.ResumeAsync(id, ct))).Writes();

        var a = app.MapApiGroup("discovery/alerts", "Discovery");
        a.MapGet("/", async (IDbContextFactory<AppDbContext> f, bool? unread, CancellationToken ct) =>
        {
            await using var db = await f.CreateDbContextAsync(ct);
            return await db.DiscoveryAlerts.AsNoTracking().Where(x => unread != true || x.ReadAt == null)
                .OrderByDescending(x => x.CreatedAt).Take(200).ToListAsync(ct);
        }).WithSummary("Discovery alerts, newest first");
        a.MapPost("/read", (AlertService alerts, CancellationToken ct) => alerts.MarkAllReadAsync(ct))
            .WithSummary("Mark every alert read").Writes();
    }
}
