using Cronos;

namespace LeadAgent.Web.Features.Discovery.Campaigns;

/// <summary>A campaign's cron schedule, read in its time zone (daylight saving handled by Cronos).</summary>
public static class CampaignSchedule
{
    /// <summary>The parsed expression, or why it cannot be read.</summary>
    public static (CronExpression? Cron, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        var fields = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            return (CronExpression.Parse(text.Trim(), fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard),
                null);
        }
        catch (CronFormatException e)
        {
            return (null, $"Not a cron expression (minute hour day month weekday): {e.Message}");
        }
    }

    public static TimeZoneInfo? Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>The next start after <paramref name="after"/> (UTC); null unscheduled or paused.</summary>
    public static DateTime? Next(Campaign campaign, DateTime after)
    {
        if (campaign.Paused || Parse(campaign.Schedule).Cron is not { } cron || Zone(campaign.TimeZone) is not { } zone)
        {
            return null;
        }
        return cron.GetNextOccurrence(DateTime.SpecifyKind(after, DateTimeKind.Utc), zone);
    }
}
