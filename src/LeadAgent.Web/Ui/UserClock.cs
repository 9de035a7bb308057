using System.Globalization;
using System.Security.Claims;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Ui;

/// <summary>Shows UTC timestamps in the signed-in user's time zone (per circuit, looked up once).</summary>
public sealed class UserClock(AuthenticationStateProvider auth, IDbContextFactory<AppDbContext> dbFactory)
{
    private TimeZoneInfo? _zone;

    public async Task<TimeZoneInfo> ZoneAsync()
    {
        if (_zone is not null)
        {
            return _zone;
        }
        var user = (await auth.GetAuthenticationStateAsync()).User;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        await using var db = await dbFactory.CreateDbContextAsync();
        return _zone = await UserTime.ZoneAsync(db, id, CancellationToken.None);
    }

    /// <summary>Shows times in this zone from now on in this circuit (after the zone was just changed).</summary>
    public void Use(TimeZoneInfo zone) => _zone = zone;

    public string Format(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string ZoneName => _zone?.Id ?? "UTC";

    /// <summary>The user's wall-clock time for a UTC instant (for inputs that show local time).</summary>
    public DateTime ToLocal(DateTime utc) => UserTime.Local(utc, _zone ?? TimeZoneInfo.Utc);

    /// <summary>The UTC instant of a wall-clock time the user typed in their zone.</summary>
    public DateTime ToUtc(DateTime local) =>
        Features.Planner.SnoozeTimes.ToUtc(local, _zone ?? TimeZoneInfo.Utc); // a skipped hour moves on, no throw
}
