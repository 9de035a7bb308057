using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Processing;

/// <summary>Finds (or creates) the channel and conversations an event belongs to, cached for the batch.</summary>
public sealed partial class EventApplier
{
    private async Task<List<Conversation>> ConversationsOfAsync(InboundEvent e, CancellationToken ct)
    {
        if (e.Contact is not { } c)
        {
            throw new FormatException("The event has no 'contact.id'.");
        }
        var key = provider.Key;
        var saved = _preloadedSenders.Contains(c.Id) ? []
            : await db.Conversations.Where(x => x.ExternalContactId == c.Id && x.Channel!.Provider == key)
                .ToListAsync(ct);
        return saved.Concat(_conversations.Values.Where(x => x.ExternalContactId == c.Id)).DistinctBy(x => x.Id)
            .ToList();
    }

    private async Task<List<Conversation>> RequireConversationsAsync(InboundEvent e, CancellationToken ct)
    {
        var found = await ConversationsOfAsync(e, ct);
        return found.Count > 0
            ? found
            : throw new EventNotReadyException("No conversation with this contact yet; retried after its first " +
                "message.");
    }

    private async Task<Channel> ChannelAsync(InboundChannel inbound, DateTime now, CancellationToken ct)
    {
        if (_channels.TryGetValue(inbound.Id, out var cached))
        {
            return cached;
        }
        var key = provider.Key;
        var channel = await db.Channels.FirstOrDefaultAsync(c => c.Provider == key && c.ExternalId == inbound.Id, ct);
        if (channel is null)
        {
            channel = new Channel
            {
                Provider = key,
                ExternalId = Cut(inbound.Id, 64)!,
                Name = Cut(inbound.Name, 200)!,
                Source = Cut(inbound.Source, 64)!,
                Kind = inbound.Kind,
                CreatedAt = now,
            };
            db.Channels.Add(channel);
        }
        return _channels[inbound.Id] = channel;
    }

    private async Task<Conversation> ConversationAsync(Channel channel, InboundContact sender, DateTime at,
        DateTime now,
        CancellationToken ct)
    {
        if (_conversations.TryGetValue((channel.Id, sender.Id), out var cached))
        {
            return cached;
        }
        var conversation = _preloadedSenders.Contains(sender.Id) ? null
            : await db.Conversations.FirstOrDefaultAsync(c => c.ChannelId == channel.Id
                && c.ExternalContactId == sender.Id,
                ct);
        if (conversation is null)
        {
            var resolution = await identities.ResolveAsync(provider.Key, sender, channel.Kind, ct);
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
}
