using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers;
using LeadAgent.Web.Features.Inbox.Runtime;
using LeadAgent.Web.Features.Inbox.Webhooks;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Inbox.Processing;

/// <summary>
/// Turns stored webhook events into conversations and messages: each event is read by the provider it came from
/// (<see cref="MessagingProviders"/>) and applied in the inbox's own terms. Claims due events with a lease (so
/// instances sharing a database never process one twice at the same time), applies a batch in one transaction, and
/// when a batch fails retries its events one by one so one bad event cannot hold up the others. Failed and early
/// events are retried with backoff; after the last attempt they stay Failed with the error, for inspection.
/// </summary>
public sealed class WebhookProcessor(IServiceScopeFactory scopes, TimeProvider time, IOptions<InboxOptions> options,
    IOptions<CrmOptions> crm, MessagingProviders providers, InboxNotifier notifier, SqliteWriteGate gate,
    Leases leases, InboxMetrics metrics, ILogger<WebhookProcessor> log)
{
    public static readonly Actor InboundActor = new(ActorKind.System, null, "Inbox (inbound message)");

    /// <summary>Processes one batch of due events; returns how many were claimed.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpActorSource>().Set(InboundActor);
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var claimed = await ClaimAsync(factory, ct);
        if (claimed.Count == 0)
        {
            return 0;
        }
        try
        {
            await ApplyRacingAsync(factory, claimed, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (claimed.Count == 1)
            {
                await FailAsync(factory, claimed[0], e, ct);
            }
            else
            {
                foreach (var one in claimed)
                {
                    try
                    {
                        await ApplyRacingAsync(factory, [one], ct);
                    }
                    catch (Exception single) when (single is not OperationCanceledException
                        || !ct.IsCancellationRequested)
                    {
                        await FailAsync(factory, one, single, ct);
                    }
                }
            }
        }
        return claimed.Count;
    }

    // The lease (Infrastructure/Work/Leases): due events are taken by this claim unless another instance holds them.
    private async Task<List<WebhookEvent>> ClaimAsync(IDbContextFactory<AppDbContext> factory, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var (_, won) = await leases.ClaimAsync<WebhookEvent, long, long>(db,
            e => (e.Status == WebhookEventStatus.Received
                    || (e.Status == WebhookEventStatus.Failed && e.NextAttemptAt != null))
                && (e.NextAttemptAt == null || e.NextAttemptAt <= now),
            e => e.Id, options.Value.BatchSize, TimeSpan.FromSeconds(options.Value.LeaseSeconds), ct);
        return won.Count == 0 ? []
            : await db.WebhookEvents.AsNoTracking().Where(e => won.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(ct);
    }

    // Two instances may create the same shared record (a new channel, a contact) at the same moment. The loser's
    // unique violation is not the events' fault: it reads again, finds the record, and applies once more before the
    // failure counts as an attempt.
    private async Task ApplyRacingAsync(IDbContextFactory<AppDbContext> factory, IReadOnlyList<WebhookEvent> events,
        CancellationToken ct)
    {
        try
        {
            await ApplyAsync(factory, events, ct);
        }
        catch (DbUpdateException)
        {
            await ApplyAsync(factory, events, ct);
        }
    }

    private async Task ApplyAsync(IDbContextFactory<AppDbContext> factory, IReadOnlyList<WebhookEvent> events,
        CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var region = crm.Value.DefaultPhoneRegion;
        var appliers = new Dictionary<string, EventApplier>();
        var parsed = events.Select(e => (Event: e, Inbound: Read(e))).ToList();
        var results = new List<(WebhookEvent Event, string? Ignored, DateTime? Retry)>();
        foreach (var (stored, inbound) in parsed)
        {
            if (!appliers.TryGetValue(stored.Provider, out var applier))
            {
                var provider = providers.Get(stored.Provider);
                appliers[stored.Provider] = applier = new EventApplier(db, new IdentityResolver(db, region), provider,
                    region);
                var batch = parsed.Where(p => p.Event.Provider == stored.Provider).Select(p => p.Inbound).ToList();
                await applier.PreloadAsync(batch, ct);
            }
            try
            {
                results.Add((stored, await applier.ApplyAsync(inbound, now, ct), null));
            }
            catch (EventNotReadyException early) when (stored.Attempts + 1 < options.Value.MaxAttempts)
            {
                results.Add((stored, early.Message, now.Add(Backoff(stored.Attempts))));
            }
            catch (EventNotReadyException early)
            {
                results.Add((stored, early.Message + " Gave up waiting.", null));
            }
        }
        // The reads above ran without holding SQLite's single write lock; only the writes are one transaction.
        using var writing = await gate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var group in results.GroupBy(r => (r.Ignored, r.Retry, Attempts: r.Event.Attempts + 1)))
        {
            var ids = group.Select(r => r.Event.Id).ToList();
            var (ignored, retry, attempts) = group.Key;
            var status = retry is not null ? WebhookEventStatus.Received
                : ignored is null ? WebhookEventStatus.Processed
                : WebhookEventStatus.Ignored;
            await db.WebhookEvents.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, status).SetProperty(e => e.Attempts, attempts).SetProperty(e => e.Error,
                    ignored)
                .SetProperty(e => e.ProcessedAt, retry == null ? now : null).SetProperty(e => e.NextAttemptAt, retry)
                .SetProperty(e => e.LeaseOwner, (string?)null).SetProperty(e => e.LeaseUntil, (DateTime?)null), ct);
        }
        // Status changes of existing messages touch their conversation too, so other instances' pages notice them.
        var touched = appliers.Values.SelectMany(a => a.Touched).Distinct().ToList();
        await db.Conversations.Where(c => touched.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), ct);
        await tx.CommitAsync(ct);
        foreach (var outcome in results.GroupBy(r => r.Retry is not null ? "retry"
            : r.Ignored is null ? "processed" : "ignored"))
        {
            metrics.Handled(outcome.Key, outcome.Count());
        }
        notifier.Changed(touched);
    }

    // A body the provider cannot read will not read better on a retry: that failure is final (FailAsync).
    private InboundEvent Read(WebhookEvent e)
    {
        try
        {
            return providers.Get(e.Provider).Parse(e.EventType!, e.Body);
        }
        catch (Exception x) when (x is not (FormatException or OperationCanceledException))
        {
            throw new FormatException($"The body could not be read: {x.Message}", x);
        }
    }

    private async Task FailAsync(IDbContextFactory<AppDbContext> factory, WebhookEvent stored, Exception e,
        CancellationToken ct)
    {
        var attempts = stored.Attempts + 1;
        // A body that cannot be understood will not improve with retries.
        var permanent = e is FormatException or System.Text.Json.JsonException || attempts >= options.Value.MaxAttempts;
        var now = time.GetUtcNow().UtcDateTime;
        DateTime? retry = permanent ? null : now.Add(Backoff(stored.Attempts));
        var error = $"{e.GetType().Name}: {e.Message}";
        if (!permanent)
        {
            log.LogWarning(e, "Webhook event {Id} failed (attempt {Attempt}); retrying at {Retry}.", stored.Id,
                attempts,
                retry);
        }
        else
        {
            log.LogError(e, "Webhook event {Id} failed for good after {Attempt} attempts.", stored.Id, attempts);
        }
        metrics.Handled(permanent ? "failed" : "retry");
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.WebhookEvents.Where(x => x.Id == stored.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Status, WebhookEventStatus.Failed).SetProperty(x => x.Attempts, attempts)
            .SetProperty(x => x.Error, error.Length > 2000 ? error[..2000] : error).SetProperty(x => x.NextAttemptAt,
                retry)
            .SetProperty(x => x.LeaseOwner, (string?)null).SetProperty(x => x.LeaseUntil, (DateTime?)null), ct);
    }

    private TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(options.Value.RetrySeconds * Math.Pow(2, attempts), 3600));
}
