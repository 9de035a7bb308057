using LeadAgent.Web.Features.Accounts;

namespace LeadAgent.Web.Features.Planner;

/// <summary>The snooze menu's times, in the user's own time zone (returned in UTC).</summary>
public static class SnoozeTimes
{
    public static DateTime InOneHour(DateTime now) => now.AddHours(1);

    /// <summary>Tomorrow at 9:00 where the user is.</summary>
    public static DateTime TomorrowNine(DateTime now, TimeZoneInfo zone) =>
        ToUtc(UserTime.Local(now, zone).Date.AddDays(1).AddHours(9), zone);

    /// <summary>Next Monday at 9:00 where the user is (a week on when today is Monday).</summary>
    public static DateTime NextWeek(DateTime now, TimeZoneInfo zone)
    {
        var today = UserTime.Local(now, zone).Date;
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return ToUtc(today.AddDays(days == 0 ? 7 : days).AddHours(9), zone);
    }

    /// <summary>A wall-clock time in the zone as UTC; a time skipped by a clock change moves an hour on.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }
}
