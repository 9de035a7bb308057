using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Accounts;

/// <summary>
/// Slows password guessing without letting anyone lock a user out: failed sign-ins are counted per account and
/// client address, so a stranger's wrong passwords pause only the stranger (never the user elsewhere, never the
/// user's API tokens). Counts live in the database (<see cref="LoginFailure"/>), so a guesser gains nothing by
/// spreading attempts over the nodes behind a proxy. There is no cap per address alone: behind a proxy that does
/// not pass the client address on, every client has the same one, and such a cap would stop all sign-ins.
/// </summary>
public sealed class LoginThrottle(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Failed sign-ins of one account from one address before that pair pauses.</summary>
    public const int MaxFailures = 5;
    /// <summary>How long failures are remembered and how long a pause lasts.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public async Task<bool> IsPausedAsync(string account, string address, CancellationToken ct = default)
    {
        var (a, ip) = Key(account, address);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LoginFailures.AnyAsync(f => f.Account == a && f.Address == ip && f.PausedUntil > now, ct);
    }

    /// <summary>Counts a failure; true when this one paused the account and address.</summary>
    public async Task<bool> FailedAsync(string account, string address, CancellationToken ct = default)
    {
        var (a, ip) = Key(account, address);
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // Pairs whose failures and pause are over are forgotten (an indexed range, on failures only).
            var stale = now - Window;
            await db.LoginFailures.Where(f => f.Since < stale && (f.PausedUntil == null || f.PausedUntil < now))
                .ExecuteDeleteAsync(ct);
            var entry = await db.LoginFailures.FirstOrDefaultAsync(f => f.Account == a && f.Address == ip, ct);
            if (entry is null)
            {
                entry = new LoginFailure { Account = a, Address = ip, Since = now };
                db.LoginFailures.Add(entry);
            }
            else if (now - entry.Since > Window)
            {
                (entry.Failures, entry.Since) = (0, now);
            }
            entry.Failures++;
            entry.Version++;
            var paused = entry.Failures >= MaxFailures;
            if (paused)
            {
                (entry.PausedUntil, entry.Failures, entry.Since) = (now + Window, 0, now);
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return paused;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another node counted the same pair meanwhile (a changed version or a first row twice): count again.
            }
        }
    }

    public async Task SucceededAsync(string account, string address, CancellationToken ct = default)
    {
        var (a, ip) = Key(account, address);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.LoginFailures.Where(f => f.Account == a && f.Address == ip).ExecuteDeleteAsync(ct);
    }

    private static (string Account, string Address) Key(string account, string address) =>
        (Cut(account, LoginFailure.AccountMax), Cut(address, LoginFailure.AddressMax));

    private static string Cut(string s, int max) => s.Length > max ? s[..max] : s;
}
