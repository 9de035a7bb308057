using System.Threading.Channels;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Runtime;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Webhooks;

/// <summary>Where a delivery ended up: its stored row, and whether that row was there already (a redelivery).</summary>
public readonly record struct StoredEvent(long Id, bool Duplicate);

/// <summary>
/// Stores webhook deliveries durably before they are acknowledged, committing the deliveries that arrive together in
/// one transaction (group commit): under load one commit serves dozens of requests, and each request still answers
/// only after its row is committed. Redeliveries of a stored <c>event_id</c> — also several in one group, or racing
/// another instance — are answered with the existing row.
/// </summary>
public sealed class WebhookIntake(IDbContextFactory<AppDbContext> dbFactory, SqliteWriteGate gate,
    InboxMetrics metrics, ILogger<WebhookIntake> log) : BackgroundService
{
    private const int MaxGroup = 256;
    private readonly Channel<(WebhookEvent Event, TaskCompletionSource<StoredEvent> Done)> _queue =
        Channel.CreateUnbounded<(WebhookEvent,
            TaskCompletionSource<StoredEvent>)>(new UnboundedChannelOptions { SingleReader = true });

    public async Task<StoredEvent> StoreAsync(WebhookEvent e, CancellationToken ct)
    {
        var done = new TaskCompletionSource<StoredEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((e, done), ct);
        return await done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<(WebhookEvent Event, TaskCompletionSource<StoredEvent> Done)>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var item))
            {
                group.Add(item);
            }
            try
            {
                await WriteAsync(group, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A clash with another instance or a bad row: store them one by one so each gets its own answer.
                log.LogWarning(e, "Group commit of {Count} webhook events failed; storing them one by one.",
                    group.Count);
                foreach (var item in group)
                {
                    try
                    {
                        await WriteAsync([item], stoppingToken);
                    }
                    catch (Exception single) when (single is not OperationCanceledException
                        || !stoppingToken.IsCancellationRequested)
                    {
                        if (await ExistingAsync(item.Event, stoppingToken) is { } winner)
                        {
                            item.Done.TrySetResult(new StoredEvent(winner, true));
                        }
                        else
                        {
                            item.Done.TrySetException(single);
                        }
                    }
                }
            }
        }
    }

    private async Task WriteAsync(List<(WebhookEvent Event, TaskCompletionSource<StoredEvent> Done)> group,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = group.Where(g => g.Event.EventId is not null).Select(g => g.Event.EventId!).Distinct().ToList();
        var provider = group[0].Event.Provider;
        var known = keys.Count == 0 ? [] : await db.WebhookEvents.AsNoTracking()
            .Where(e => e.Provider == provider && keys.Contains(e.EventId!)).ToDictionaryAsync(e => e.EventId!, e =>
                e.Id, ct);
        var fresh = new Dictionary<string, WebhookEvent>();
        var results = new List<(TaskCompletionSource<StoredEvent> Done, Func<StoredEvent> Result)>();
        foreach (var (e, done) in group)
        {
            if (e.Provider != provider)
            {
                throw new InvalidOperationException("One provider per group.");
            }
            if (e.EventId is { } key && known.TryGetValue(key, out var id))
            {
                results.Add((done, () => new StoredEvent(id, true)));
            }
            else if (e.EventId is { } same && fresh.TryGetValue(same, out var first))
            {
                results.Add((done, () => new StoredEvent(first.Id, true)));
            }
            else
            {
                db.WebhookEvents.Add(e);
                if (e.EventId is { } k)
                {
                    fresh[k] = e;
                }
                results.Add((done, () => new StoredEvent(e.Id, false)));
            }
        }
        using (await gate.EnterAsync(db, ct))
        {
            await db.SaveChangesAsync(ct);
        }
        metrics.Received(results.Count(r => !r.Result().Duplicate));
        foreach (var (done, result) in results)
        {
            done.TrySetResult(result());
        }
    }

    private async Task<long?> ExistingAsync(WebhookEvent e, CancellationToken ct)
    {
        if (e.EventId is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WebhookEvents.Where(x => x.Provider == e.Provider && x.EventId == e.EventId)
            .Select(x => (long?)x.Id).FirstOrDefaultAsync(ct);
    }
}
