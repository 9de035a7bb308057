using System.Security.Claims;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Limits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadAgent.Web.Features.Leads;

internal static class LeadEndpoints
{
    public static void MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("leads", "Leads");
        g.MapGet("/", async (LeadService s, CustomFieldService fields, HttpRequest request, ClaimsPrincipal user,
            [AsParameters] LeadListQuery q, CancellationToken ct) =>
        {
            var errors = new Errors();
            var filter = q.ToFilter(errors) with
            {
                Custom = await fields.ConditionsAsync(FieldRecord.Lead, request.Query, ct),
            };
            filter.Validate(errors);
            LeadSort.Parse(q.Sort, errors);
            var limit = Cursor.ClampLimit(q.Limit, errors);
            errors.ThrowIfAny();
            var totals = q.IncludeTotal == false ? Totals.None : q.ExactTotal == true ? Totals.Exact : Totals.Capped;
            return await s.ListAsync(filter, q.Sort, limit, q.Cursor, totals, user.UserId(), ct);
        }).WithSummary("List leads with filters, sorting and cursor paging (cf.{key}, cf.{key}.min/.max filter custom "
                + "fields)").ProducesValidationProblem().HeavyQuery();
        g.MapGet("/{id:guid}", (LeadService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .ProducesProblem(404);
        g.MapPost("/", async Task<Created<LeadRow>> (LeadService s, LeadInput input, CancellationToken ct) =>
        {
            var row = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/leads/{row.Id}", row);
        }).Writes();
        g.MapPut("/{id:guid}", (LeadService s, Guid id, LeadInput input, CancellationToken ct) =>
            s.UpdateAsync(id, input, ct)).Writes();
        g.MapPost("/{id:guid}/archive", (LeadService s, Guid id, CancellationToken ct) =>
            s.SetArchivedAsync(id, true, ct)).Writes();
        g.MapPost("/{id:guid}/restore", (LeadService s, Guid id, CancellationToken ct) =>
            s.SetArchivedAsync(id, false, ct)).Writes();
        g.MapDelete("/{id:guid}", async Task<NoContent> (LeadService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Admin).ProducesProblem(404);
        g.MapGet("/{id:guid}/timeline", (
                ActivityService s, Guid id, string? cursor, int? limit, CancellationToken ct) =>
            s.ListAsync(
                new ActivityQuery { EntityType = nameof(Lead), EntityId = id, Cursor = cursor, Limit = limit }, ct));

        g.MapPost("/bulk/count", async (
                BulkUpdateLeads b, ClaimsPrincipal user, LeadSelection selection, CancellationToken ct) =>
            new BulkCount(await b.CountAsync(selection, user.UserId(), ct)))
            .WithSummary("How many leads a bulk operation would touch (for the confirmation)").HeavyQuery();
        g.MapPost("/bulk", (BulkUpdateLeads b, ClaimsPrincipal user, BulkRequest request, CancellationToken ct) =>
                b.RunAsync(request, user.UserId(), ct))
            .WithSummary("Change status, owner, list, tags or archive for ids or every lead matching a filter")
            .Writes();

        // The user's own setting, not CRM data: viewers choose theirs too.
        var columns = app.MapApiGroup("me/preferences", "Account");
        columns.MapGet("/lead-columns", (LeadColumnSettings s, ClaimsPrincipal user, CancellationToken ct) =>
            s.GetAsync(user.UserId()!, ct)).WithSummary("The signed-in user's lead list columns, in order");
        columns.MapPut("/lead-columns", (LeadColumnSettings s, ClaimsPrincipal user, LeadColumnsInput input,
                CancellationToken ct) => s.SetAsync(user.UserId()!, input, ct))
            .WithSummary("Show and order the signed-in user's lead list columns (title is always first)")
            .ProducesValidationProblem();
        columns.MapDelete("/lead-columns", (LeadColumnSettings s, ClaimsPrincipal user, CancellationToken ct) =>
            s.ResetAsync(user.UserId()!, ct)).WithSummary("Back to the default lead list columns");

        var views = app.MapApiGroup("views", "Saved views");
        views.MapGet("/", (SavedViewService s, ClaimsPrincipal user, CancellationToken ct) =>
            s.ListAsync(user.UserId()!, ct));
        views.MapPost("/", async Task<Created<SavedViewDto>> (
            SavedViewService s, ClaimsPrincipal user, SavedViewInput input, CancellationToken ct) =>
        {
            var dto = await s.SaveAsync(user.UserId()!, input, ct);
            return TypedResults.Created($"/api/v1/views/{dto.Id}", dto);
        }).ProducesValidationProblem();
        views.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (
                SavedViewService s, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
            await s.DeleteAsync(user.UserId()!, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound());
    }
}
