using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Providers;
using LeadAgent.Web.Features.Inbox.Runtime;
using LeadAgent.Web.Features.Inbox.Webhooks;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Processing;

public sealed record BackfillInput(int? Contacts = null, int? MessagesPerContact = null);

public sealed record BackfillResult(int Contacts, int Messages, int Queued, int AlreadyKnown);

/// <summary>
/// Brings an existing workspace's history in: each provider that can lists its contacts' recent messages as webhook
/// events (<see cref="IMessagingProvider.BackfillAsync"/>), stored here once per event id. The normal processing
/// then matches senders and stores messages, so a backfill run twice — or overlapping live webhooks — stores
/// nothing twice. History does not count as unread.
/// </summary>
public sealed class BackfillService(MessagingProviders providers, IDbContextFactory<AppDbContext> dbFactory,
    InboxSignal signal, TimeProvider time)
{
    public async Task<BackfillResult> RunAsync(BackfillInput input, CancellationToken ct = default)
    {
        await using (var check = await dbFactory.CreateDbContextAsync(ct))
        {
            await check.RequireAdminAsync();
        }
        var errors = new Errors();
        var maxContacts = input.Contacts ?? 1000;
        var perContact = input.MessagesPerContact ?? 100;
        if (maxContacts is < 1 or > 100_000)
        {
            errors.Add("contacts", "Between 1 and 100,000.");
        }
        if (perContact is < 1 or > 10_000)
        {
            errors.Add("messagesPerContact", "Between 1 and 10,000.");
        }
        errors.ThrowIfAny();
        var backfilling = providers.With(ProviderFeatures.Backfill).ToList();
        if (backfilling.FirstOrDefault(p => p.NotConnected is not null) is { } offline)
        {
            throw new ConflictException($"{offline.NotConnected}: add the API token under Settings → Inbox first.");
        }
        var (contacts, messages, queued, known) = (0, 0, 0, 0);
        foreach (var provider in backfilling)
        {
            await foreach (var contact in provider.BackfillAsync(maxContacts, perContact, ct))
            {
                var (added, already) = await StoreAsync(provider.Key, contact.Events, ct);
                (contacts, messages, queued, known) =
                    (contacts + 1, messages + contact.Messages, queued + added, known + already);
            }
        }
        signal.Notify();
        return new BackfillResult(contacts, messages, queued, known);
    }

    private async Task<(int Added, int Known)> StoreAsync(string provider, IReadOnlyList<RawEvent> events,
        CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return (0, 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = events.Select(e => e.EventId).ToList();
        var known = await db.WebhookEvents.Where(e => e.Provider == provider && ids.Contains(e.EventId!))
            .Select(e => e.EventId!).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var fresh = events.Where(e => !known.Contains(e.EventId)).DistinctBy(e => e.EventId)
            .Select(e => new WebhookEvent
            {
                Provider = provider,
                EventId = e.EventId,
                EventType = e.EventType,
                Body = e.Body,
                Status = WebhookEventStatus.Received,
                ReceivedAt = now,
            }).ToList();
        db.WebhookEvents.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        return (fresh.Count, known.Count);
    }
}
