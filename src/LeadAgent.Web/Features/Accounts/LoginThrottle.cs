using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Accounts;

/// <summary>
/// Slows password guessing without letting anyone lock a user out: sign-in attempts are counted per account and
/// client address, so a stranger's wrong passwords pause only the stranger (never the user elsewhere, never the
/// user's API tokens). Counts live in the database (<see cref="LoginFailure"/>), so a guesser gains nothing by
/// spreading attempts over the nodes behind a proxy, and each attempt is counted with one atomic update before its
/// password is checked, so a burst of parallel guesses gets no more checks than one after another. There is no cap
/// per address alone: behind a proxy that does not pass the client address on, every client has the same one, and
/// such a cap would stop all sign-ins.
/// </summary>
public sealed class LoginThrottle(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Failed sign-ins of one account from one address before that pair pauses.</summary>
    public const int MaxFailures = 5;
    /// <summary>How long failures are remembered and how long a pause lasts.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Counts an attempt before its password is checked; true when the pair is paused (the password is then not
    /// checked at all), also when the count could not be stored.
    /// </summary>
    public async Task<bool> AttemptAsync(string account, string address, CancellationToken ct = default)
    {
        var (a, ip) = Key(account, address);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var stale = now - Window;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var pair = db.LoginFailures.Where(f => f.Account == a && f.Address == ip);
            try
            {
                // Failures and a pause that are over are forgotten.
                await pair.Where(f => f.Since < stale && (f.PausedUntil == null || f.PausedUntil <= now))
                    .ExecuteDeleteAsync(ct);
                if (await pair.ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, f => f.Failures + 1), ct) == 0)
                {
                    // A new pair: other pairs that are over go too (an indexed range), so the table stays small.
                    await db.LoginFailures
                        .Where(f => f.Since < stale && (f.PausedUntil == null || f.PausedUntil <= now))
                        .ExecuteDeleteAsync(ct);
                    db.LoginFailures.Add(new LoginFailure { Account = a, Address = ip, Failures = 1, Since = now });
                    await db.SaveChangesAsync(ct);
                }
                var entry = await pair.AsNoTracking().FirstAsync(ct);
                return entry.PausedUntil > now || entry.Failures > MaxFailures;
            }
            catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
            {
                // Another attempt created the pair at the same moment (count on that row), or the database was busy.
            }
        }
        return true;
    }

    /// <summary>After a wrong password: pauses the pair once it failed often enough; true when paused.</summary>
    public async Task<bool> FailedAsync(string account, string address, CancellationToken ct = default)
    {
        var (a, ip) = Key(account, address);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pair = db.LoginFailures.Where(f => f.Account == a && f.Address == ip);
        var until = now + Window;
        await pair.Where(f => f.Failures >= MaxFailures && (f.PausedUntil == null || f.PausedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.PausedUntil, until), ct);
        return await pair.AnyAsync(f => f.PausedUntil > now, ct);
    }

    /// <summary>A right password: the pair's failures are forgotten.</summary>
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
