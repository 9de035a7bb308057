using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Sending;

/// <summary>
/// The state changes of one claimed outbound message. Every update goes through <paramref name="mine"/> (the row
/// while this claim holds it), so a worker whose lease ran out changes nothing.
/// </summary>
internal sealed class OutboxRow(AppDbContext db, IQueryable<Message> mine, Guid id)
{
    /// <summary>Marks the attempt as started; false when the lease was lost.</summary>
    public async Task<bool> StartAsync(DateTime now, int attempts, CancellationToken ct) =>
        await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, DeliveryStatus.Sending)
            .SetProperty(m => m.SendStartedAt, now).SetProperty(m => m.Attempts, attempts), ct) > 0;

    /// <summary>Not sent: back to Pending until <paramref name="next"/>, the attempt not counted.</summary>
    public Task RequeueAsync(DateTime next, int attempts, string error, CancellationToken ct) =>
        mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, DeliveryStatus.Pending)
            .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.Error, error)
            .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null), ct);

    /// <summary>Outcome unknown: stays Sending (so the next attempt reconciles first) and is tried at <paramref
    /// name="next"/>.</summary>
    public Task RetryAsync(DateTime next, string error, CancellationToken ct) =>
        mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.Error, error)
            .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null), ct);

    public Task FinishAsync(DeliveryStatus status, string? error, CancellationToken ct)
    {
        var text = error is { Length: > 1000 } ? error[..1000] : error;
        return mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status).SetProperty(m => m.Error, text)
            .SetProperty(m => m.NextAttemptAt, (DateTime?)null)
            .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null), ct);
    }

    /// <summary>
    /// Records the provider's id, at least at <paramref name="floor"/>; an echo stored as a separate message before
    /// we saved is folded into ours.
    /// </summary>
    public async Task AdoptAsync(string providerId, DeliveryStatus floor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var echo = await db.Messages.AsNoTracking()
            .FirstOrDefaultAsync(m => m.ProviderMessageId == providerId && m.Id != id, ct);
        if (echo is not null)
        {
            await db.Messages.Where(m => m.Id == echo.Id).ExecuteDeleteAsync(ct);
        }
        var status = echo is not null && Message.Rank(echo.Status) > Message.Rank(floor) ? echo.Status : floor;
        await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.ProviderMessageId, providerId)
            .SetProperty(m => m.Status,
                m => m.Status == DeliveryStatus.Delivered || m.Status == DeliveryStatus.Read ? m.Status : status)
            .SetProperty(m => m.Error, (string?)null).SetProperty(m => m.NextAttemptAt, (DateTime?)null)
            .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null), ct);
        await tx.CommitAsync(ct);
    }
}
