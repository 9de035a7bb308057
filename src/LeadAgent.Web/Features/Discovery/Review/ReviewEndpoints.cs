using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Export;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Review;

internal static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("discovery/prospects", "Discovery");
        g.MapGet("/", (ReviewService s, [AsParameters] ProspectQuery q, CancellationToken ct) => s.ListAsync(q, ct))
            .WithSummary("The review queue (pending by default; review=accepted|rejected|enriched|held|all)")
            .ProducesValidationProblem();
        g.MapGet("/export.csv", async (IDbContextFactory<AppDbContext> factory, HttpContext http,
            [AsParameters] ProspectQuery q, CancellationToken ct) =>
        {
            var errors = new Errors();
            var state = ReviewService.State(q.Review, errors);
            errors.ThrowIfAny();
            await using var db = await factory.CreateDbContextAsync(ct);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = ContentDisposition.Attachment("prospects.csv");
            await CsvExport.WriteAsync(http.Response.Body,
                ReviewService.Ranked(ReviewService.Filter(db, state, q)).AsAsyncEnumerable(),
                ProspectExport.Columns, ct);
        }).WithSummary("The review queue as CSV, filtered like the list").Produces(200, contentType: "text/csv");
        g.MapGet("/{id:guid}", (ReviewService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .WithSummary("A prospect with its evidence: facts with their pages, pages read").ProducesProblem(404);
        g.MapPost("/{id:guid}/accept", (ReviewService s, Guid id, CancellationToken ct) => s.AcceptAsync(id, ct))
            .WithSummary("Accept: the company (or the CRM's matching one), its contacts and a lead").Writes();
        g.MapPost("/{id:guid}/reject", (ReviewService s, Guid id, RejectInput input, CancellationToken ct) =>
                s.RejectAsync(id, input, ct))
            .WithSummary("Reject with a reason (never proposed again); block=true also blocks the domain").Writes();

        var v = app.MapApiGroup("discovery/verdicts", "Discovery");
        v.MapGet("/", (ReviewService s, CancellationToken ct) => s.VerdictsAsync(ct))
            .WithSummary("Rejected and blocked domains");
        v.MapPost("/", (ReviewService s, BlockInput input, CancellationToken ct) => s.BlockAsync(input, ct))
            .WithSummary("Block a domain: never researched, enriched or proposed").Writes();
        v.MapDelete("/{domain}", async Task<NoContent> (ReviewService s, string domain, CancellationToken ct) =>
        {
            await s.ForgetAsync(domain, ct);
            return TypedResults.NoContent();
        }).WithSummary("Forget a verdict: the domain may be proposed again").Writes();
    }
}
