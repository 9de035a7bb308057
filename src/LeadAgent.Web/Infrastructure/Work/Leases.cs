using System.Linq.Expressions;
using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace LeadAgent.Web.Infrastructure.Work;

/// <summary>
/// The one way background work is claimed when several instances share a database: a conditional UPDATE sets the
/// owner and expiry only on rows that are due and free (no lease, or one that ran out), so exactly one claim wins each
/// row; the owner then renews, completes or releases through <see cref="Held{T}"/>, which matches its claim only.
/// </summary>
public sealed class Leases(TimeProvider time, SqliteWriteGate gate)
{
    /// <summary>This process, as it appears in its claims (for people reading the rows).</summary>
    public string Instance { get; } = $"{Guid.NewGuid():N}"[..12] + $"@{Environment.ProcessId}";

    /// <summary>
    /// A new claim id: each claim is distinct, so a stale holder in this process cannot act on a new one.
    /// </summary>
    public string NewClaim() => $"{Instance}:{Guid.NewGuid():N}"[..40];

    /// <summary>
    /// Claims up to <paramref name="take"/> rows that are <paramref name="due"/> and free, first by
    /// <paramref name="order"/>, for <paramref name="lease"/>; <paramref name="also"/> sets more columns in the same
    /// update (a status). Returns the claim and the ids it won, in order.
    /// </summary>
    public async Task<(string Claim, List<TKey> Ids)> ClaimAsync<T, TKey, TOrder>(AppDbContext db,
        Expression<Func<T, bool>> due, Expression<Func<T, TOrder>> order, int take, TimeSpan lease,
        CancellationToken ct, Action<UpdateSettersBuilder<T>>? also = null)
        where T : class, ILeased<TKey>
    {
        var now = time.GetUtcNow().UtcDateTime;
        var candidates = await db.Set<T>().Where(due).Where(e => e.LeaseUntil == null || e.LeaseUntil < now)
            .OrderBy(order).Select(e => e.Id).Take(take).ToListAsync(ct);
        var claim = NewClaim();
        if (candidates.Count == 0)
        {
            return (claim, []);
        }
        var until = now.Add(lease);
        using (await gate.EnterAsync(db, ct))
        {
            await db.Set<T>().Where(e => candidates.Contains(e.Id)).Where(due)
                .Where(e => e.LeaseUntil == null || e.LeaseUntil < now)
                .ExecuteUpdateAsync(s =>
                {
                    s.SetProperty(e => e.LeaseOwner, claim).SetProperty(e => e.LeaseUntil, until);
                    also?.Invoke(s);
                }, ct);
        }
        var won = await db.Set<T>().Where(e => candidates.Contains(e.Id) && e.LeaseOwner == claim)
            .OrderBy(order).Select(e => e.Id).ToListAsync(ct);
        return (claim, won);
    }

    /// <summary>The rows <paramref name="claim"/> still holds: renew, finish or release through this.</summary>
    public static IQueryable<T> Held<T>(IQueryable<T> rows, string claim) where T : class, ILeased =>
        rows.Where(e => e.LeaseOwner == claim);

    /// <summary>A new expiry for a renewal.</summary>
    public DateTime Until(TimeSpan lease) => time.GetUtcNow().UtcDateTime.Add(lease);

    /// <summary>Frees the row in the same update that finishes it.</summary>
    public static void Release<T>(UpdateSettersBuilder<T> s) where T : class, ILeased =>
        s.SetProperty(e => e.LeaseOwner, (string?)null).SetProperty(e => e.LeaseUntil, (DateTime?)null);
}
