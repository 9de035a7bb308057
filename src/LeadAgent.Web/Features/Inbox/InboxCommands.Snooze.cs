using System.Globalization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Planner;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox;

/// <summary>
/// Snooze: the conversation leaves the open list until a time and then is open and unread again. Nothing runs at
/// that moment: the list and the unread counts compare <see cref="Conversation.SnoozedUntil"/> with the time they are
/// read, so it survives restarts and happens once however many instances run.
/// </summary>
public sealed partial class InboxCommands
{
    /// <summary>How far ahead a snooze may reach.</summary>
    public static readonly TimeSpan MaxSnooze = TimeSpan.FromDays(366);

    public async Task<ConversationDetail> SnoozeAsync(Guid conversationId, SnoozeInput input,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync("snooze conversations");
        var now = time.GetUtcNow().UtcDateTime;
        var until = await SnoozeUntilAsync(db, actor, input, now, ct);
        var conversation = await LoadAsync(db, conversationId, ct);
        conversation.SnoozedUntil = until;
        // Snoozing a closed conversation means "bring it back then": it is open, just not yet.
        if (conversation.Status == ConversationStatus.Closed)
        {
            (conversation.Status, conversation.StatusChangedAt) = (ConversationStatus.Open, now);
        }
        AddLocalEvent(db, conversation, $"Snoozed until {until.ToString("yyyy-MM-dd HH:mm",
            CultureInfo.InvariantCulture)} UTC by {actor.Name}.");
        await db.SaveChangesAsync(ct);
        notifier.Changed([conversationId]);
        return await queries.GetAsync(conversationId, actor.UserId, ct);
    }

    /// <summary>Brings a snoozed conversation back now (nothing happens when it is not snoozed).</summary>
    public async Task<ConversationDetail> UnsnoozeAsync(Guid conversationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync("snooze conversations");
        var conversation = await LoadAsync(db, conversationId, ct);
        if (conversation.SnoozedUntil is { } until && until > time.GetUtcNow().UtcDateTime)
        {
            conversation.SnoozedUntil = null;
            AddLocalEvent(db, conversation, $"Unsnoozed by {actor.Name}.");
            await db.SaveChangesAsync(ct);
            notifier.Changed([conversationId]);
        }
        return await queries.GetAsync(conversationId, actor.UserId, ct);
    }

    /// <summary>The wake-up instant of a preset for someone in <paramref name="zone"/> (the menu shows the
    /// same).</summary>
    public static DateTime PresetTime(SnoozePreset preset, DateTime now, TimeZoneInfo zone) => preset switch
    {
        SnoozePreset.Tomorrow => SnoozeTimes.TomorrowNine(now, zone),
        SnoozePreset.NextWeek => SnoozeTimes.NextWeek(now, zone),
        // The same wall-clock time a week on, also across a clock change.
        _ => SnoozeTimes.ToUtc(UserTime.Local(now, zone).AddDays(7), zone),
    };

    private static async Task<DateTime> SnoozeUntilAsync(AppDbContext db, Actor actor, SnoozeInput input,
        DateTime now, CancellationToken ct)
    {
        var errors = new Errors();
        DateTime until = default;
        if (input.Preset is { } preset && Enum.IsDefined(preset))
        {
            until = PresetTime(preset, now, await UserTime.ZoneAsync(db, actor.UserId, ct));
        }
        else if (input.Preset is not null)
        {
            errors.Add("preset", "Must be Tomorrow, NextWeek or InOneWeek.");
        }
        else if (input.Until is { } at)
        {
            until = at.UtcDateTime;
            if (until <= now)
            {
                errors.Add("until", "Must be in the future.");
            }
            else if (until > now + MaxSnooze)
            {
                errors.Add("until", "At most a year ahead.");
            }
        }
        else
        {
            errors.Add("until", "Choose a time or a preset.");
        }
        errors.ThrowIfAny();
        return until;
    }

    // A timeline entry about this app's own state: nothing to mirror to the provider.
    private void AddLocalEvent(AppDbContext db, Conversation conversation, string text)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.Messages.Add(new Message
        {
            ConversationId = conversation.Id,
            Direction = MessageDirection.Event,
            Type = "event",
            Text = text,
            At = now,
            CreatedAt = now,
            Status = DeliveryStatus.Received,
        });
        conversation.UpdatedAt = now;
    }
}
