using System.Security.Claims;
using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm.Activity;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Crm.Leads;

public sealed record SavedViewDto(Guid Id, string Name, LeadFilter Filter, string? Sort);

public sealed record SavedViewInput(string? Name, LeadFilter? Filter, string? Sort);

internal static class LeadEndpoints
{
    public static void MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("leads", "Leads");
        g.MapGet("/", (LeadService s, ClaimsPrincipal user, [AsParameters] LeadListQuery q, CancellationToken ct) =>
        {
            var errors = new Errors();
            var filter = q.ToFilter(errors);
            filter.Validate(errors);
            LeadSort.Parse(q.Sort, errors);
            var limit = Cursor.ClampLimit(q.Limit, errors);
            errors.ThrowIfAny();
            return s.ListAsync(filter, q.Sort, limit, q.Cursor, q.IncludeTotal ?? true, user.UserId(), ct);
        }).WithSummary("List leads with filters, sorting and cursor paging").ProducesValidationProblem();
        g.MapGet("/{id:guid}", (LeadService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct)).ProducesProblem(404);
        g.MapPost("/", async Task<Created<LeadRow>> (LeadService s, LeadInput input, CancellationToken ct) =>
        {
            var row = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/leads/{row.Id}", row);
        }).Writes();
        g.MapPut("/{id:guid}", (LeadService s, Guid id, LeadInput input, CancellationToken ct) => s.UpdateAsync(id, input, ct)).Writes();
        g.MapPost("/{id:guid}/archive", (LeadService s, Guid id, CancellationToken ct) => s.SetArchivedAsync(id, true, ct)).Writes();
        g.MapPost("/{id:guid}/restore", (LeadService s, Guid id, CancellationToken ct) => s.SetArchivedAsync(id, false, ct)).Writes();
        g.MapDelete("/{id:guid}", async Task<NoContent> (LeadService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Admin).ProducesProblem(404);
        g.MapGet("/{id:guid}/timeline", (ActivityService s, Guid id, string? cursor, int? limit, CancellationToken ct) =>
            s.ListAsync(new ActivityQuery { EntityType = nameof(Lead), EntityId = id, Cursor = cursor, Limit = limit }, ct));

        g.MapPost("/bulk/count", async (BulkUpdateLeads b, ClaimsPrincipal user, LeadSelection selection, CancellationToken ct) =>
            new { count = await b.CountAsync(selection, user.UserId(), ct) })
            .WithSummary("How many leads a bulk operation would touch (for the confirmation)");
        g.MapPost("/bulk", (BulkUpdateLeads b, ClaimsPrincipal user, BulkRequest request, CancellationToken ct) => b.RunAsync(request, user.UserId(), ct))
            .WithSummary("Change status, owner, list, tags or archive for ids or every lead matching a filter").Writes();

        var views = app.MapApiGroup("views", "Saved views");
        views.MapGet("/", async (IDbContextFactory<AppDbContext> f, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await using var db = await f.CreateDbContextAsync(ct);
            var uid = user.UserId();
            var rows = await db.SavedViews.AsNoTracking().Where(v => v.UserId == uid).OrderBy(v => v.Name).ToListAsync(ct);
            return rows.Select(ToDto).ToList();
        });
        views.MapPost("/", async Task<Created<SavedViewDto>> (IDbContextFactory<AppDbContext> f, ClaimsPrincipal user, SavedViewInput input, CancellationToken ct) =>
        {
            var dto = await SaveViewAsync(f, user.UserId()!, input, ct);
            return TypedResults.Created($"/api/v1/views/{dto.Id}", dto);
        }).ProducesValidationProblem();
        views.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (IDbContextFactory<AppDbContext> f, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        {
            await using var db = await f.CreateDbContextAsync(ct);
            var uid = user.UserId();
            return await db.SavedViews.Where(v => v.Id == id && v.UserId == uid).ExecuteDeleteAsync(ct) > 0 ? TypedResults.NoContent() : TypedResults.NotFound();
        });
    }

    internal sealed record StoredView(LeadFilter Filter, string? Sort);

    internal static SavedViewDto ToDto(SavedView v)
    {
        var stored = JsonSerializer.Deserialize<StoredView>(v.FilterJson) ?? new StoredView(new LeadFilter(), null);
        return new SavedViewDto(v.Id, v.Name, stored.Filter, stored.Sort);
    }

    /// <summary>Creates or replaces (by name) one of the user's saved views.</summary>
    internal static async Task<SavedViewDto> SaveViewAsync(IDbContextFactory<AppDbContext> f, string userId, SavedViewInput input, CancellationToken ct)
    {
        var errors = new Errors();
        var name = errors.Required("name", input.Name, 100);
        var filter = input.Filter ?? new LeadFilter();
        filter.Validate(errors);
        LeadSort.Parse(input.Sort, errors);
        errors.ThrowIfAny();
        await using var db = await f.CreateDbContextAsync(ct);
        var view = await db.SavedViews.FirstOrDefaultAsync(v => v.UserId == userId && v.Name == name, ct);
        if (view is null)
        {
            view = new SavedView { UserId = userId, Name = name!, FilterJson = "", CreatedAt = db.Time.GetUtcNow().UtcDateTime };
            db.SavedViews.Add(view);
        }
        view.FilterJson = JsonSerializer.Serialize(new StoredView(filter, input.Sort));
        await db.SaveChangesAsync(ct);
        return ToDto(view);
    }
}
