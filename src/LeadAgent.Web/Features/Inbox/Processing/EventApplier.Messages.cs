using System.Text.Json;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Processing;

/// <summary>Messages received and sent: stored once, matched to our own sends, statuses moved forward only.</summary>
public sealed partial class EventApplier
{
    private async Task<string?> MessageAsync(InboundEvent e, DateTime now, CancellationToken ct)
    {
        if (e.Message is not { } m || e.Contact is not { } sender)
        {
            throw new FormatException("A message event needs a 'message' and its contact ('contact.id' or " +
                "'message.contactId').");
        }
        var at = m.At ?? now;
        var conversation = await ThreadOfAsync(e, m, sender, at, now, ct);
        Touched.Add(conversation.Id);

        if (await FindMessageAsync(m.MessageId, ct) is { } existing)
        {
            Advance(existing, m.Status, m.StatusError);
            return null;
        }
        var incoming = e.Kind == InboundKind.MessageReceived || m.Incoming;
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
            var preview = message.Text ?? (m.Attachments.Count > 0 ? $"[{m.Attachments[0].Type}]" : null);
            conversation.LastMessagePreview = Cut(preview, 200);
        }
        if (incoming)
        {
            Received(conversation, at, e.Backfill);
        }
        conversation.UpdatedAt = now;
        return null;
    }

    // The message's channel, else the channel its id names; without either, the contact's latest conversation
    // (rather than a new thread on a nameless channel), and only for a first message an "unknown" channel.
    private async Task<Conversation> ThreadOfAsync(InboundEvent e, InboundMessage m, InboundContact sender,
        DateTime at, DateTime now, CancellationToken ct)
    {
        var named = e.Channel ?? (m.ChannelId is { } id
            ? new InboundChannel(id, $"Channel {id}", "other", ChannelKind.Other)
            : null);
        var latest = named is null
            ? (await ConversationsOfAsync(e, ct)).OrderByDescending(c => c.LastMessageAt).FirstOrDefault()
            : null;
        if (latest is not null)
        {
            return latest;
        }
        var channel = await ChannelAsync(named ?? new InboundChannel("unknown", "Unknown channel", "other",
            ChannelKind.Other), now, ct);
        return await ConversationAsync(channel, sender, at, now, ct);
    }

    private static void Received(Conversation conversation, DateTime at, bool backfill)
    {
        // History brought in by a backfill was read at the provider already.
        if (!backfill)
        {
            conversation.InboundCount++;
            // The contact wrote again: a snoozed conversation comes back now (as in Chatwoot).
            conversation.SnoozedUntil = null;
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

    private async Task<Message?> PendingOwnSendAsync(Guid conversationId, InboundMessage m, CancellationToken ct)
    {
        if (m.SenderSource is not (null or "api"))
        {
            return null;
        }
        var candidates = await db.Messages.Where(x => x.ConversationId == conversationId
                && x.Direction == MessageDirection.Outbound && x.ProviderMessageId == null && x.Payload != null
                && (x.Status == DeliveryStatus.Sending || x.Status == DeliveryStatus.Pending))
            .OrderBy(x => x.CreatedAt).ToListAsync(ct);
        return candidates.FirstOrDefault(x =>
            x.Text == m.Text || (m.Type == "whatsapp_template" && x.Type == "whatsapp_template"));
    }

    /// <summary>
    /// Moves a message's delivery state forward only (read never goes back to delivered); failures keep their reason.
    /// </summary>
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
}
