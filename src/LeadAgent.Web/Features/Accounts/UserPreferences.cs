using System.Text.Json;
using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Accounts;

/// <summary>
/// Each user's own settings, read and written by the feature that owns the key (which also checks the value). Private
/// to the user and not CRM data: any role keeps its own, and nothing is logged.
/// </summary>
public sealed class UserPreferences(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The stored value, or default when the user never chose one (or it no longer reads).</summary>
    public async Task<T?> GetAsync<T>(string userId, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var json = await db.UserPreferences.AsNoTracking().Where(p => p.UserId == userId && p.Key == key)
            .Select(p => p.Json).FirstOrDefaultAsync(ct);
        try
        {
            return json is null ? default : JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    public async Task SetAsync<T>(string userId, string key, T value, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.UserPreferences.FirstOrDefaultAsync(p => p.UserId == userId && p.Key == key, ct);
        if (row is null)
        {
            row = new UserPreference { UserId = userId, Key = key, Json = "" };
            db.UserPreferences.Add(row);
        }
        row.Json = JsonSerializer.Serialize(value);
        row.UpdatedAt = db.Time.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Entry(row).State == EntityState.Added)
        {
            // Two tabs chose at once and the other one inserted first: the last choice wins.
            await using var retry = await dbFactory.CreateDbContextAsync(ct);
            await retry.UserPreferences.Where(p => p.UserId == userId && p.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Json, row.Json).SetProperty(p => p.UpdatedAt,
                    row.UpdatedAt), ct);
        }
    }

    /// <summary>Forgets the setting: the feature's default applies again.</summary>
    public async Task RemoveAsync(string userId, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.UserPreferences.Where(p => p.UserId == userId && p.Key == key).ExecuteDeleteAsync(ct);
    }
}
