using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Accounts;

/// <summary>A user's own clock: their time zone (UTC when unset or unknown) and instants read on it.</summary>
public static class UserTime
{
    /// <summary>The user's time zone; UTC for no user or a zone this machine does not know.</summary>
    public static async Task<TimeZoneInfo> ZoneAsync(AppDbContext db, string? userId, CancellationToken ct)
    {
        var id = userId is null ? null
            : await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).FirstOrDefaultAsync(ct);
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>A UTC instant as the wall-clock time in the zone.</summary>
    public static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
