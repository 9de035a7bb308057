using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers;
using LeadAgent.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Processing;

/// <summary>Changes made at the provider: the contact's details, assignee, tags, lifecycle, open/close.</summary>
public sealed partial class EventApplier
{
    private async Task<string?> ContactAsync(InboundEvent e, DateTime now, CancellationToken ct)
    {
        var conversations = await ConversationsOfAsync(e, ct);
        if (conversations.Count == 0)
        {
            return "No conversation with this contact yet; it is matched when its first message arrives.";
        }
        var c = e.Contact!;
        foreach (var conversation in conversations)
        {
            conversation.DisplayName = Cut(c.Name, 200)!;
            conversation.Phone = IdentityResolver.Phone(c, defaultRegion) ?? conversation.Phone;
            conversation.Email = IdentityResolver.Email(c) ?? conversation.Email;
            conversation.UpdatedAt = now;
            Touched.Add(conversation.Id);
        }
        return null;
    }

    private async Task<string?> AssigneeAsync(InboundEvent e, DateTime now, CancellationToken ct)
    {
        var conversations = await RequireConversationsAsync(e, ct);
        var assignee = e.Assignee;
        var email = assignee?.Email?.ToUpperInvariant();
        var userId = email is null ? null
            : await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var text = assignee is null ? $"Unassigned in {provider.Name}."
            : userId is null ? $"Assigned in {provider.Name} to {assignee.Name}, who has no LeadAgent account."
            : $"Assigned to {assignee.Name} in {provider.Name}.";
        foreach (var conversation in conversations)
        {
            if (userId is not null && conversation.AssigneeId != userId)
            {
                db.Notifications.Add(InboxCommands.AssignedNotification(userId, conversation,
                    $"Assigned to you in {provider.Name}:", now));
            }
            conversation.AssigneeId = userId;
            AddEvent(conversation, now, now, text);
        }
        return null;
    }

    private async Task<string?> TagAsync(InboundEvent e, DateTime now, CancellationToken ct)
    {
        var tag = e.Tag?.Trim().ToLowerInvariant();
        var removed = e.TagRemoved;
        var conversations = await RequireConversationsAsync(e, ct);
        if (tag is { Length: > 0 and <= 50 }
            && conversations.FirstOrDefault(c => c.ContactId is not null)?.ContactId is { } contactId)
        {
            var contact = await db.Contacts.FirstAsync(c => c.Id == contactId, ct);
            var tags = contact.Tags.ToList();
            if (removed ? tags.Remove(tag) : !tags.Contains(tag) && tags.Count < 50)
            {
                if (!removed)
                {
                    tags.Add(tag);
                }
                contact.Tags = tags;
            }
        }
        var text = $"Tag '{tag}' {(removed ? "removed" : "added")} in {provider.Name}.";
        return await TimelineAsync(e, now, text, ct);
    }

    private async Task<string?> TimelineAsync(InboundEvent e, DateTime now, string text, CancellationToken ct)
    {
        foreach (var conversation in await RequireConversationsAsync(e, ct))
        {
            AddEvent(conversation, now, now, text);
        }
        return null;
    }

    private async Task<string?> OpenCloseAsync(InboundEvent e, DateTime now, CancellationToken ct)
    {
        var closing = e.Kind == InboundKind.ConversationClosed;
        var by = e.StatusBy is null ? "" : $" by {e.StatusBy}";
        var summary = e.CloseSummary is { Length: > 0 } s ? $" — {s}" : "";
        var text = $"{(closing ? "Closed" : "Opened")} in {provider.Name}{by}{summary}.";
        foreach (var conversation in await RequireConversationsAsync(e, ct))
        {
            // An event without its time (no conversation details) cannot be ordered: it applies as it arrives.
            var at = e.StatusAt ?? (now > conversation.StatusChangedAt ? now : conversation.StatusChangedAt);
            if (at < conversation.StatusChangedAt)
            {
                continue; // an older change delivered late
            }
            conversation.Status = closing ? ConversationStatus.Closed : ConversationStatus.Open;
            conversation.StatusChangedAt = at;
            AddEvent(conversation, at, now, text);
        }
        return null;
    }

    private void AddEvent(Conversation conversation, DateTime at, DateTime now, string text)
    {
        db.Messages.Add(new Message
        {
            ConversationId = conversation.Id,
            Direction = MessageDirection.Event,
            Type = "event",
            Text = Cut(text, 1000),
            At = at,
            CreatedAt = now,
            Status = DeliveryStatus.Received,
        });
        conversation.UpdatedAt = now;
        Touched.Add(conversation.Id);
    }
}
