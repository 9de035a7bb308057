using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Leads;

/// <summary>A saved view; <see cref="Columns"/> is null for a view that keeps the user's columns.</summary>
public sealed record SavedViewDto(Guid Id, string Name, LeadFilter Filter, string? Sort, List<string>? Columns);

/// <summary>
/// Columns are lead column keys in order (see <c>GET /api/v1/me/preferences/lead-columns</c>): unknown keys are field
/// errors, repeats are dropped and title goes first. Null or empty: applying the view keeps the user's columns.
/// </summary>
public sealed record SavedViewInput(string? Name, LeadFilter? Filter, string? Sort, List<string?>? Columns = null);

/// <summary>Each user's named lead filters, sorts and columns. Private to the user; any role may save views.</summary>
public sealed class SavedViewService(IDbContextFactory<AppDbContext> dbFactory)
{
    private sealed record Stored(LeadFilter Filter, string? Sort);

    public async Task<List<SavedViewDto>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.SavedViews.AsNoTracking().Where(v => v.UserId == userId).OrderBy(v => v.Name)
            .ToListAsync(ct);
        return rows.Select(ToDto).ToList();
    }

    /// <summary>Creates or replaces (by name) one of the user's views.</summary>
    public async Task<SavedViewDto> SaveAsync(string userId, SavedViewInput input, CancellationToken ct = default)
    {
        var errors = new Errors();
        var name = errors.Required("name", input.Name, SavedView.NameMax);
        var filter = input.Filter ?? new LeadFilter();
        filter.Validate(errors);
        LeadSort.Parse(input.Sort, errors);
        var columns = input.Columns is { Count: > 0 } ? LeadColumns.Parse(input.Columns, errors) : null;
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var view = await db.SavedViews.FirstOrDefaultAsync(v => v.UserId == userId && v.Name == name, ct);
        if (view is null)
        {
            view = new SavedView
            {
                UserId = userId,
                Name = name!,
                FilterJson = "",
                CreatedAt = db.Time.GetUtcNow().UtcDateTime,
            };
            db.SavedViews.Add(view);
        }
        view.FilterJson = JsonSerializer.Serialize(new Stored(filter, input.Sort));
        view.Columns = columns is null ? null : LeadColumns.Join(columns);
        await db.SaveChangesAsync(ct);
        return ToDto(view);
    }

    public async Task<bool> DeleteAsync(string userId, Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SavedViews.Where(v => v.Id == id && v.UserId == userId).ExecuteDeleteAsync(ct) > 0;
    }

    private static SavedViewDto ToDto(SavedView v)
    {
        var stored = JsonSerializer.Deserialize<Stored>(v.FilterJson) ?? new Stored(new LeadFilter(), null);
        return new SavedViewDto(v.Id, v.Name, stored.Filter, stored.Sort, LeadColumns.Split(v.Columns));
    }
}
