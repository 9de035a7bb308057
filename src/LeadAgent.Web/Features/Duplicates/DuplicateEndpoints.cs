using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Limits;

namespace LeadAgent.Web.Features.Duplicates;

internal static class DuplicateEndpoints
{
    public static void MapDuplicateEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("duplicates", "Duplicates");
        g.MapGet("/", (
                DuplicateService s,
                DuplicateKind? kind,
                PairStatus? status,
                int? limit,
                string? cursor,
                CancellationToken ct) =>
                s.ListAsync(kind ?? DuplicateKind.Company, status ?? PairStatus.Open, limit, cursor, ct))
            .WithSummary("The review queue: likely duplicate pairs with evidence and confidence, most likely first")
            .HeavyQuery();
        g.MapGet("/{id:guid}", (DuplicateService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .ProducesProblem(404)
            .WithSummary("One pair with both records' fields and related-record counts");
        g.MapPost("/scan", (DuplicateService s, DuplicateKind? kind, CancellationToken ct) =>
                s.ScanAsync(kind ?? DuplicateKind.Company, ct))
            .Writes()
            .WithSummary("Run duplicate detection now (blocking on domain, VAT, phone and name keys) "
                + "and refresh the queue");
        g.MapPost("/{id:guid}/dismiss", (DuplicateService s, Guid id, CancellationToken ct) => s.DismissAsync(id, ct))
            .Writes()
            .WithSummary("Not a duplicate: remembered, never proposed again");
        g.MapPost("/{id:guid}/merge", (MergeService s, Guid id, MergeRequest request, CancellationToken ct) =>
                s.MergeAsync(id, request, ct))
            .Writes()
            .WithSummary("Merge the pair into survivorId, taking each named field from the chosen record; "
                + "related records move to the survivor");
        g.MapGet("/check/company", (
                DuplicateService s,
                [Microsoft.AspNetCore.Http.AsParameters] CompanyCheck check,
                CancellationToken ct) => s.CheckCompanyAsync(check, ct))
            .WithSummary("Existing companies that a new company with these details would probably duplicate");
        g.MapGet("/check/contact", (
                DuplicateService s,
                [Microsoft.AspNetCore.Http.AsParameters] ContactCheck check,
                CancellationToken ct) => s.CheckContactAsync(check, ct))
            .WithSummary("Existing contacts that a new contact with these details would probably duplicate "
                + "(same e-mail or phone, or name at the company)");

        var merges = app.MapApiGroup("merges", "Duplicates");
        merges.MapGet("/", (MergeService s, DuplicateKind? kind, int? limit, CancellationToken ct) =>
                s.ListAsync(kind, Math.Clamp(limit ?? 50, 1, 500), ct))
            .WithSummary("Merges, newest first, with what each moved");
        merges.MapPost("/{id:guid}/undo", (MergeService s, Guid id, CancellationToken ct) => s.UndoAsync(id, ct))
            .Writes()
            .WithSummary("Undo a merge: restore both records' fields and move every moved record back");
    }
}
