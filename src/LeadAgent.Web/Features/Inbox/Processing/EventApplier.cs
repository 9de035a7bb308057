using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Processing;

/// <summary>
/// Applies Respond.io events to the inbox inside one unit of work (a batch shares the context and its caches).
/// Idempotent: a message is stored once per provider message id; statuses only move forward; an echo of our own send
/// is matched to the pending outbound message instead of being stored twice; conversation state changes apply only
/// when they are newer than the last one, so reordering cannot undo a later change.
/// </summary>
public sealed class EventApplier(AppDbContext db, IdentityResolver identities, string provider, string defaultRegion)
{
    private readonly Dictionary<string, Channel> _channels = [];
    private readonly Dictionary<(Guid, string), Conversation> _conversations = [];
    private readonly Dictionary<string, Message> _messages = [];
    private readonly HashSet<string> _preloaded = [];
    private readonly HashSet<string> _preloadedSenders = [];

    public HashSet<Guid> Touched { get; } = [];

    /// <summary>Loads the messages and conversations a batch refers to in two queries instead of a few per event.</summary>
    public async Task PreloadAsync(IReadOnlyCollection<RioEvent> batch, CancellationToken ct)
    {
        var ids = batch.Where(e => e.Message is not null).Select(e => e.Message!.MessageId).Distinct().ToList();
        foreach (var m in await db.Messages.Where(m => ids.Contains(m.ProviderMessageId!)).ToListAsync(ct))
        {
            _messages[m.ProviderMessageId!] = m;
        }
        _preloaded.UnionWith(ids);
        var senders = batch.Where(e => e.Contact is not null).Select(e => e.Contact!.Id).Distinct().ToList();
        foreach (var c in await db.Conversations.Where(c => senders.Contains(c.ExternalContactId) && c.Channel!.Provider == provider).ToListAsync(ct))
        {
            _conversations[(c.ChannelId, c.ExternalContactId)] = c;
        }
        _preloadedSenders.UnionWith(senders);
    }

    /// <summary>Returns null when applied, or why the event was ignored.</summary>
    public async Task<string?> ApplyAsync(RioEvent e, DateTime now, CancellationToken ct)
    {
        switch (e.Type)
        {
            case "message.received" or "message.sent":
                return await MessageAsync(e, now, ct);
            case "contact.created" or "contact.updated":
                return await ContactAsync(e, now, ct);
            case "contact.assignee.updated":
                return await AssigneeAsync(e, now, ct);
            case "contact.lifecycle.updated":
                var lifecycle = RioEvent.Str(e.Root, "lifecycle") ?? e.Contact?.Lifecycle;
                var old = RioEvent.Str(e.Root, "oldLifecycle");
                return await TimelineAsync(e, now, $"Lifecycle changed{(old is null ? "" : $" from {old}")} to {lifecycle ?? "none"} in Respond.io.", ct);
            case "contact.tag.updated":
                return await TagAsync(e, now, ct);
            case "conversation.opened" or "conversation.closed":
                return await OpenCloseAsync(e, now, ct);
            default:
                return $"Event type '{e.Type}' is not used by the inbox; kept for inspection.";
        }
    }

    private async Task<string?> MessageAsync(RioEvent e, DateTime now, CancellationToken ct)
    {
        if (e.Message is not { } m || e.Contact is not { } sender)
        {
            throw new FormatException("A message event needs 'message.messageId' and 'contact.id'.");
        }
        var channel = await ChannelAsync(e.Channel ?? new RioChannel(m.ChannelId ?? "unknown", $"Channel {m.ChannelId}", "other"), now, ct);
        var at = m.At ?? now;
        var conversation = await ConversationAsync(channel, sender, at, now, ct);
        Touched.Add(conversation.Id);

        if (await FindMessageAsync(m.MessageId, ct) is { } existing)
        {
            Advance(existing, m.Status, m.StatusError);
            return null;
        }
        var incoming = e.Type == "message.received" || m.Incoming;
        if (!incoming && await PendingOwnSendAsync(conversation.Id, m, ct) is { } own)
        {
            // The echo of a message we sent: it may arrive before our outbox saved the provider's id.
            own.ProviderMessageId = m.MessageId;
            own.ChannelMessageId ??= m.ChannelMessageId;
            own.Status = DeliveryStatus.Sent;
            Advance(own, m.Status, m.StatusError);
            _messages[m.MessageId] = own;
            return null;
        }
        var message = new Message
        {
            ConversationId = conversation.Id,
            Direction = incoming ? MessageDirection.Inbound : MessageDirection.Outbound,
            Type = Cut(m.Type, 32)!,
            Text = Cut(m.Text, 65536),
            Subject = Cut(m.Subject, 500),
            Attachments = m.Attachments.Count == 0 ? null : JsonSerializer.Serialize(m.Attachments),
            ProviderMessageId = m.MessageId,
            ChannelMessageId = Cut(m.ChannelMessageId, 200),
            Status = incoming ? DeliveryStatus.Received : m.Status ?? DeliveryStatus.Sent,
            Error = Cut(m.StatusError, 1000),
            At = at,
            SenderSource = incoming ? "contact" : Cut(m.SenderSource, 32),
            CreatedAt = now,
        };
        db.Messages.Add(message);
        _messages[m.MessageId] = message;
        if (at >= conversation.LastMessageAt)
        {
            conversation.LastMessageAt = at;
            conversation.LastMessagePreview = Cut(message.Text ?? (m.Attachments.Count > 0 ? $"[{m.Attachments[0].Type}]" : null), 200);
        }
        if (incoming)
        {
            // History brought in by a backfill was read in Respond.io already.
            if (!(e.Root.TryGetProperty("backfill", out var backfill) && backfill.ValueKind == JsonValueKind.True))
            {
                conversation.UnreadCount++;
            }
            if (conversation.LastInboundAt is null || at > conversation.LastInboundAt)
            {
                conversation.LastInboundAt = at;
            }
            // A new message reopens a closed conversation, unless it was closed after this message.
            if (conversation.Status == ConversationStatus.Closed && at > conversation.StatusChangedAt)
            {
                conversation.Status = ConversationStatus.Open;
                conversation.StatusChangedAt = at;
            }
        }
        conversation.UpdatedAt = now;
        return null;
    }

    private async Task<Message?> FindMessageAsync(string providerId, CancellationToken ct)
    {
        if (_messages.TryGetValue(providerId, out var cached))
        {
            return cached;
        }
        if (_preloaded.Contains(providerId))
        {
            return null; // looked for with the batch: not stored yet
        }
        var found = await db.Messages.FirstOrDefaultAsync(x => x.ProviderMessageId == providerId, ct);
        if (found is not null)
        {
            _messages[providerId] = found;
        }
        return found;
    }

    private async Task<Message?> PendingOwnSendAsync(Guid conversationId, RioMessage m, CancellationToken ct)
    {
        if (m.SenderSource is not (null or "api"))
        {
            return null;
        }
        var candidates = await db.Messages.Where(x => x.ConversationId == conversationId && x.Direction == MessageDirection.Outbound
            && x.ProviderMessageId == null && x.Payload != null && (x.Status == DeliveryStatus.Sending || x.Status == DeliveryStatus.Pending))
            .OrderBy(x => x.CreatedAt).ToListAsync(ct);
        return candidates.FirstOrDefault(x => x.Text == m.Text || (m.Type == "whatsapp_template" && x.Type == "whatsapp_template"));
    }

    /// <summary>Moves a message's delivery state forward only (read never goes back to delivered); failures keep their reason.</summary>
    public static void Advance(Message message, DeliveryStatus? status, string? error)
    {
        if (status is not { } s || message.Direction != MessageDirection.Outbound)
        {
            return;
        }
        if (s == DeliveryStatus.Failed && message.Status != DeliveryStatus.Read)
        {
            message.Status = DeliveryStatus.Failed;
            message.Error = Cut(error ?? "The channel reported the message as failed.", 1000);
        }
        else if (message.Status != DeliveryStatus.Failed && Message.Rank(s) > Message.Rank(message.Status))
        {
            message.Status = s;
        }
    }

    private async Task<string?> ContactAsync(RioEvent e, DateTime now, CancellationToken ct)
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

    private async Task<string?> AssigneeAsync(RioEvent e, DateTime now, CancellationToken ct)
    {
        var conversations = await RequireConversationsAsync(e, ct);
        var assignee = e.Contact?.Assignee ?? RioEvent.User(e.Root, "assignee");
        var email = assignee?.Email?.ToUpperInvariant();
        var userId = email is null ? null : await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var text = assignee is null ? "Unassigned in Respond.io."
            : userId is null ? $"Assigned in Respond.io to {assignee.Name}, who has no LeadAgent account."
            : $"Assigned to {assignee.Name} in Respond.io.";
        foreach (var conversation in conversations)
        {
            conversation.AssigneeId = userId;
            AddEvent(conversation, now, now, text);
        }
        return null;
    }

    private async Task<string?> TagAsync(RioEvent e, DateTime now, CancellationToken ct)
    {
        var tag = RioEvent.Str(e.Root, "tag")?.Trim().ToLowerInvariant();
        var removed = RioEvent.Str(e.Root, "action") == "remove";
        var conversations = await RequireConversationsAsync(e, ct);
        if (tag is { Length: > 0 and <= 50 } && conversations.FirstOrDefault(c => c.ContactId is not null)?.ContactId is { } contactId)
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
        return await TimelineAsync(e, now, $"Tag '{tag}' {(removed ? "removed" : "added")} in Respond.io.", ct);
    }

    private async Task<string?> TimelineAsync(RioEvent e, DateTime now, string text, CancellationToken ct)
    {
        foreach (var conversation in await RequireConversationsAsync(e, ct))
        {
            AddEvent(conversation, now, now, text);
        }
        return null;
    }

    private async Task<string?> OpenCloseAsync(RioEvent e, DateTime now, CancellationToken ct)
    {
        var closing = e.Type == "conversation.closed";
        var details = e.Root.TryGetProperty("conversation", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var at = RioEvent.Time(details, closing ? "closedTime" : "openedTime") ?? now;
        var by = closing ? RioEvent.User(details, "closedBy")?.Name ?? RioEvent.Str(details, "closedBySource") : RioEvent.Str(details, "openedBySource");
        var summary = closing ? string.Join(": ", new[] { RioEvent.Str(details, "category"), RioEvent.Str(details, "summary") }.Where(s => s is not null)) : "";
        foreach (var conversation in await RequireConversationsAsync(e, ct))
        {
            if (at < conversation.StatusChangedAt)
            {
                continue; // an older change delivered late
            }
            conversation.Status = closing ? ConversationStatus.Closed : ConversationStatus.Open;
            conversation.StatusChangedAt = at;
            AddEvent(conversation, at, now, $"{(closing ? "Closed" : "Opened")} in Respond.io{(by is null ? "" : $" by {by}")}{(summary.Length > 0 ? $" — {summary}" : "")}.");
        }
        return null;
    }

    private void AddEvent(Conversation conversation, DateTime at, DateTime now, string text)
    {
        db.Messages.Add(new Message { ConversationId = conversation.Id, Direction = MessageDirection.Event, Type = "event", Text = Cut(text, 1000), At = at, CreatedAt = now, Status = DeliveryStatus.Received });
        conversation.UpdatedAt = now;
        Touched.Add(conversation.Id);
    }

    private async Task<List<Conversation>> ConversationsOfAsync(RioEvent e, CancellationToken ct)
    {
        if (e.Contact is not { } c)
        {
            throw new FormatException("The event has no 'contact.id'.");
        }
        var saved = _preloadedSenders.Contains(c.Id) ? []
            : await db.Conversations.Where(x => x.ExternalContactId == c.Id && x.Channel!.Provider == provider).ToListAsync(ct);
        return saved.Concat(_conversations.Values.Where(x => x.ExternalContactId == c.Id)).DistinctBy(x => x.Id).ToList();
    }

    private async Task<List<Conversation>> RequireConversationsAsync(RioEvent e, CancellationToken ct)
    {
        var found = await ConversationsOfAsync(e, ct);
        return found.Count > 0 ? found : throw new EventNotReadyException("No conversation with this contact yet; retried after its first message.");
    }

    private async Task<Channel> ChannelAsync(RioChannel rio, DateTime now, CancellationToken ct)
    {
        if (_channels.TryGetValue(rio.Id, out var cached))
        {
            return cached;
        }
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Provider == provider && c.ExternalId == rio.Id, ct);
        if (channel is null)
        {
            channel = new Channel { Provider = provider, ExternalId = Cut(rio.Id, 64)!, Name = Cut(rio.Name, 200)!, Source = Cut(rio.Source, 64)!, Kind = Channel.KindOf(rio.Source), CreatedAt = now };
            db.Channels.Add(channel);
        }
        return _channels[rio.Id] = channel;
    }

    private async Task<Conversation> ConversationAsync(Channel channel, RioContact sender, DateTime at, DateTime now, CancellationToken ct)
    {
        if (_conversations.TryGetValue((channel.Id, sender.Id), out var cached))
        {
            return cached;
        }
        var conversation = _preloadedSenders.Contains(sender.Id) ? null
            : await db.Conversations.FirstOrDefaultAsync(c => c.ChannelId == channel.Id && c.ExternalContactId == sender.Id, ct);
        if (conversation is null)
        {
            var resolution = await identities.ResolveAsync(provider, sender, channel.Kind, ct);
            conversation = new Conversation
            {
                ChannelId = channel.Id,
                ExternalContactId = Cut(sender.Id, 64)!,
                ContactId = resolution.ContactId,
                Match = resolution.Match,
                CandidateContactIds = resolution.Candidates.Count == 0 ? null : string.Join(',', resolution.Candidates),
                DisplayName = Cut(sender.Name, 200)!,
                Phone = IdentityResolver.Phone(sender, defaultRegion),
                Email = IdentityResolver.Email(sender),
                Status = ConversationStatus.Open,
                StatusChangedAt = at,
                LastMessageAt = at,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Conversations.Add(conversation);
        }
        return _conversations[(channel.Id, sender.Id)] = conversation;
    }

    private static string? Cut(string? s, int max) => s is null ? null : s.Length > max ? s[..max] : s;
}
