using System.Security.Claims;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Limits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadAgent.Web.Features.Lists;

internal static class LeadListEndpoints
{
    public static void MapLeadListEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("lists", "Lists");
        g.MapGet("/", (LeadListService s, CancellationToken ct) => s.ListAsync(ct));
        g.MapGet("/{id:guid}", (LeadListService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .ProducesProblem(404);
        g.MapGet("/{id:guid}/leads", async (
            LeadListService lists,
            LeadService leads,
            ClaimsPrincipal user,
            Guid id,
            string? sort,
            int? limit,
            string? cursor,
            bool? includeTotal,
            bool? exactTotal,
            CancellationToken ct) =>
        {
            await lists.GetAsync(id, ct);
            var errors = new Errors();
            var take = Cursor.ClampLimit(limit, errors);
            errors.ThrowIfAny();
            var totals = includeTotal == false ? Totals.None : exactTotal == true ? Totals.Exact : Totals.Capped;
            return await leads.ListAsync(
                new LeadFilter { ListId = id, IncludeArchived = true }, sort, take, cursor, totals, user.UserId(), ct);
        }).WithSummary("The list's leads, paged like the lead list (includeTotal, exactTotal as there)")
            .ProducesProblem(404).HeavyQuery();
        g.MapPost("/", async Task<Created<LeadListDto>> (
            LeadListService s, LeadListInput input, CancellationToken ct) =>
        {
            var row = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/lists/{row.Id}", row);
        }).Writes();
        g.MapPut("/{id:guid}", (LeadListService s, Guid id, LeadListInput input, CancellationToken ct) =>
            s.UpdateAsync(id, input, ct)).Writes();
        g.MapDelete("/{id:guid}", async Task<NoContent> (LeadListService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).Writes();
        g.MapPost("/{id:guid}/members", (LeadListService s, Guid id, MembersInput input, CancellationToken ct) =>
                s.AddAsync(id, input, ct))
            .WithSummary("Add leads to the list (already-present leads are skipped)").Writes();
        g.MapPost("/{id:guid}/members/remove", async (
                LeadListService s, Guid id, MembersInput input, CancellationToken ct) =>
            new MembersRemoved(await s.RemoveAsync(id, input, ct))).WithSummary("Remove leads from the list").Writes();
    }
}
