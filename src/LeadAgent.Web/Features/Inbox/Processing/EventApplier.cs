using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Processing;

/// <summary>
/// Applies one provider's inbound events to the inbox inside one unit of work (a batch shares the context and its
/// caches). Idempotent: a message is stored once per provider message id; statuses only move forward; an echo of our
/// own send is matched to the pending outbound message instead of being stored twice; conversation state changes
/// apply only when they are newer than the last one, so reordering cannot undo a later change. Messages are in
/// EventApplier.Messages.cs, contact and conversation changes in EventApplier.Changes.cs, look-ups in
/// EventApplier.Lookups.cs.
/// </summary>
public sealed partial class EventApplier(AppDbContext db, IdentityResolver identities, IMessagingProvider provider,
    string defaultRegion)
{
    private readonly Dictionary<string, Channel> _channels = [];
    private readonly Dictionary<(Guid, string), Conversation> _conversations = [];
    private readonly Dictionary<string, Message> _messages = [];
    private readonly HashSet<string> _preloaded = [];
    private readonly HashSet<string> _preloadedSenders = [];

    public HashSet<Guid> Touched { get; } = [];

    /// <summary>Loads the messages and conversations a batch refers to in two queries instead of a few per
    /// event.</summary>
    public async Task PreloadAsync(IReadOnlyCollection<InboundEvent> batch, CancellationToken ct)
    {
        var ids = batch.Where(e => e.Message is not null).Select(e => e.Message!.MessageId).Distinct().ToList();
        foreach (var m in await db.Messages.Where(m => ids.Contains(m.ProviderMessageId!)).ToListAsync(ct))
        {
            _messages[m.ProviderMessageId!] = m;
        }
        _preloaded.UnionWith(ids);
        var senders = batch.Where(e => e.Contact is not null).Select(e => e.Contact!.Id).Distinct().ToList();
        var key = provider.Key;
        var known = await db.Conversations
            .Where(c => senders.Contains(c.ExternalContactId) && c.Channel!.Provider == key).ToListAsync(ct);
        foreach (var c in known)
        {
            _conversations[(c.ChannelId, c.ExternalContactId)] = c;
        }
        _preloadedSenders.UnionWith(senders);
    }

    /// <summary>Returns null when applied, or why the event was ignored.</summary>
    public async Task<string?> ApplyAsync(InboundEvent e, DateTime now, CancellationToken ct)
    {
        switch (e.Kind)
        {
            case InboundKind.MessageReceived or InboundKind.MessageSent:
                return await MessageAsync(e, now, ct);
            case InboundKind.ContactChanged:
                return await ContactAsync(e, now, ct);
            case InboundKind.AssigneeChanged:
                return await AssigneeAsync(e, now, ct);
            case InboundKind.LifecycleChanged:
                var from = e.OldLifecycle is null ? "" : $" from {e.OldLifecycle}";
                return await TimelineAsync(e, now,
                    $"Lifecycle changed{from} to {e.Lifecycle ?? "none"} in {provider.Name}.", ct);
            case InboundKind.TagChanged:
                return await TagAsync(e, now, ct);
            case InboundKind.ConversationOpened or InboundKind.ConversationClosed:
                return await OpenCloseAsync(e, now, ct);
            default:
                return $"Event type '{e.Type}' is not used by the inbox; kept for inspection.";
        }
    }

    private static string? Cut(string? s, int max) => s is null ? null : s.Length > max ? s[..max] : s;
}
