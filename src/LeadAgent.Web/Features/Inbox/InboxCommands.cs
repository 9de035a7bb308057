using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Processing;
using LeadAgent.Web.Features.Inbox.Providers;
using LeadAgent.Web.Features.Inbox.Runtime;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Features.Rules;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox;

/// <summary>
/// Changes from the inbox: replies (InboxCommands.Reply.cs: checked against the channel rules, then queued in the
/// outbox as pending), template previews (InboxCommands.Preview.cs), notes, assignment and open/close (mirrored to the
/// conversation's provider through the same outbox when it mirrors changes), read marks, and choosing the contact of
/// an ambiguous sender.
/// </summary>
public sealed partial class InboxCommands(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time,
    InboxSignal signal, InboxNotifier notifier, MessagingProviders providers, InboxQueries queries,
    Microsoft.Extensions.Options.IOptions<Crm.CrmOptions> crm)
{
    public const int MaxText = Message.MaxText;

    public async Task<ConversationDetail> AssignAsync(Guid conversationId, AssignInput input,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync("assign conversations");
        var conversation = await LoadAsync(db, conversationId, ct);
        var user = input.UserId is null ? null
            : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == input.UserId, ct);
        if (input.UserId is not null && user is null)
        {
            new Errors().Add("userId", "No user with this id.").ThrowIfAny();
        }
        var previous = conversation.AssigneeId;
        conversation.AssigneeId = user?.Id;
        AddEvent(db, conversation,
            user is null ? $"Unassigned by {actor.Name}." : $"Assigned to {user.Label} by {actor.Name}.",
            new OutboundMessage(OutboundKind.Assign, Assignee: user?.Email));
        // The new assignee hears of it (not someone taking it themselves, nor a repeat).
        if (user is not null && user.Id != previous && user.Id != actor.UserId)
        {
            db.Notifications.Add(AssignedNotification(user.Id, conversation,
                $"{await AuthorNameAsync(db, actor, ct)} assigned you the conversation with",
                time.GetUtcNow().UtcDateTime));
        }
        await db.SaveChangesAsync(ct);
        signal.Notify();
        notifier.Changed([conversationId]);
        return await queries.GetAsync(conversationId, actor.UserId, ct);
    }

    public async Task<ConversationDetail> SetStatusAsync(Guid conversationId, StatusInput input,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync("open or close conversations");
        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            new Errors().Add("status", "Must be Open or Closed.").ThrowIfAny();
            return null!;
        }
        var conversation = await LoadAsync(db, conversationId, ct);
        if (conversation.Status != status)
        {
            conversation.Status = status;
            conversation.StatusChangedAt = time.GetUtcNow().UtcDateTime;
            var verb = status == ConversationStatus.Closed ? "Closed" : "Reopened";
            AddEvent(db, conversation, $"{verb} by {actor.Name}.",
                new OutboundMessage(OutboundKind.Status, Open: status == ConversationStatus.Open));
            await db.SaveChangesAsync(ct);
            signal.Notify();
            notifier.Changed([conversationId]);
        }
        return await queries.GetAsync(conversationId, actor.UserId, ct);
    }

    /// <summary>
    /// Marks the conversation read for this user only: everything that arrived so far counts as seen by them, and
    /// stays unread for the others.
    /// </summary>
    public async Task MarkReadAsync(Guid conversationId, string? userId, CancellationToken ct = default)
    {
        if (userId is null)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await db.Conversations.Where(c => c.Id == conversationId)
            .Select(c => new { c.InboundCount, c.SnoozedUntil }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Conversation", conversationId);
        var (inbound, now) = (state.InboundCount, time.GetUtcNow().UtcDateTime);
        // A snooze that ran out makes it unread until read again after that moment.
        var woke = state.SnoozedUntil <= now ? state.SnoozedUntil : null;
        var mine = db.ConversationReads.Where(r => r.ConversationId == conversationId && r.UserId == userId);
        if (await mine.Where(r => r.ReadInboundCount != inbound || (woke != null && r.ReadAt < woke))
                .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ReadInboundCount, inbound).SetProperty(r => r.ReadAt, now), ct) == 0)
        {
            if (await mine.AnyAsync(ct))
            {
                return; // read up to here already: nothing changed, nobody to tell (open pages mark read on change)
            }
            db.ConversationReads.Add(new ConversationRead
            {
                ConversationId = conversationId,
                UserId = userId,
                ReadInboundCount = inbound,
                ReadAt = now,
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same user's other tab may have marked it at the same moment: read either way.
                if (!await mine.AnyAsync(ct))
                {
                    throw;
                }
            }
        }
        notifier.Changed([conversationId]);
    }

    /// <summary>
    /// Attaches an ambiguous (or wrongly matched) sender to the chosen contact; later messages match it directly.
    /// </summary>
    public async Task<ConversationDetail> ChooseContactAsync(Guid conversationId, ContactChoice input,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync("match conversations to contacts");
        var conversation = await LoadAsync(db, conversationId, ct);
        if (input.ContactId is not { } contactId
            || !await db.Contacts.AnyAsync(c => c.Id == contactId && c.ArchivedAt == null, ct))
        {
            new Errors().Add("contactId", "Choose an existing, active contact.").ThrowIfAny();
            return null!;
        }
        var provider = conversation.Channel!.Provider;
        var resolver = new IdentityResolver(db, crm.Value.DefaultPhoneRegion);
        await resolver.LinkAsync(provider, conversation.ExternalContactId, contactId, ct);
        // The same sender's threads on other channels of this provider belong to the same person.
        var threads = await db.Conversations
            .Where(c => c.ExternalContactId == conversation.ExternalContactId && c.Channel!.Provider == provider)
            .ToListAsync(ct);
        foreach (var thread in threads)
        {
            (thread.ContactId, thread.Match, thread.CandidateContactIds, thread.UpdatedAt) =
                (contactId, MatchState.Matched, null, time.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(ct);
        notifier.Changed(threads.Select(t => t.Id));
        return await queries.GetAsync(conversationId, actor.UserId, ct);
    }

    /// <summary>"…assigned you the conversation with NAME", linking to it.</summary>
    internal static Notification AssignedNotification(string userId, Conversation conversation, string what,
        DateTime? at = null)
    {
        var text = $"{what} {conversation.DisplayName}.";
        return new Notification
        {
            UserId = userId,
            Text = text.Length > Notification.TextMax ? text[..Notification.TextMax] : text,
            Link = $"/inbox/{conversation.Id}",
            CreatedAt = at ?? conversation.UpdatedAt,
        };
    }

    private static async Task<Conversation> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Conversations.Include(c => c.Channel).FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException("Conversation", id);

    // The person's display name on the timeline; the actor's e-mail (or "system") when there is none.
    private static async Task<string> AuthorNameAsync(AppDbContext db, Data.Actor actor, CancellationToken ct) =>
        (actor.UserId is null ? null
            : await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct))
        ?? actor.Name;

    // A timeline entry; when the conversation's provider mirrors changes it also carries the change to send there.
    private void AddEvent(AppDbContext db, Conversation conversation, string text, OutboundMessage mirror)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var mirrored = providers.Get(conversation.Channel!.Provider).MirrorsChanges;
        db.Messages.Add(new Message
        {
            ConversationId = conversation.Id,
            Direction = MessageDirection.Event,
            Type = mirrored ? OutboundPayload.TypeOf(mirror) : "event",
            Text = text,
            At = now,
            CreatedAt = now,
            Status = mirrored ? DeliveryStatus.Pending : DeliveryStatus.Received,
            Payload = mirrored ? OutboundPayload.Write(mirror) : null,
            NextAttemptAt = mirrored ? now : null,
        });
        conversation.UpdatedAt = now;
    }
}
