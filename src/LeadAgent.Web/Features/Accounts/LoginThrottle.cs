namespace LeadAgent.Web.Features.Accounts;

/// <summary>
/// Slows password guessing without letting anyone lock a user out: failed sign-ins are counted per account and
/// client address, so a stranger's wrong passwords pause only the stranger (never the user elsewhere, never the
/// user's API tokens). Counts live in this node's memory. There is no cap per address alone: behind a proxy that
/// does not pass the client address on, every client has the same one, and such a cap would stop all sign-ins.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    /// <summary>Failed sign-ins of one account from one address before that pair pauses.</summary>
    public const int MaxFailures = 5;
    /// <summary>How long failures are remembered and how long a pause lasts.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private const int PruneAbove = 10_000;

    private readonly Dictionary<string, Entry> _entries = [];
    private readonly Lock _lock = new();

    public bool IsPaused(string account, string address)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return Paused(Key(account, address), now);
        }
    }

    /// <summary>Counts a failure; true when this one paused the account and address.</summary>
    public bool Failed(string account, string address)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_entries.Count > PruneAbove)
            {
                Prune(now);
            }
            return Count(Key(account, address), now);
        }
    }

    public void Succeeded(string account, string address)
    {
        lock (_lock)
        {
            _entries.Remove(Key(account, address));
        }
    }

    private bool Paused(string key, DateTimeOffset now) =>
        _entries.TryGetValue(key, out var e) && e.PausedUntil > now;

    private bool Count(string key, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(key, out var e) || now - e.Since > Window)
        {
            e = new Entry { Since = now };
            _entries[key] = e;
        }
        e.Failures++;
        if (e.Failures >= MaxFailures)
        {
            e.PausedUntil = now + Window;
            (e.Failures, e.Since) = (0, now);
            return true;
        }
        return false;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var key in _entries.Where(e => now - e.Value.Since > Window && e.Value.PausedUntil <= now)
                     .Select(e => e.Key).ToList())
        {
            _entries.Remove(key);
        }
    }

    private static string Key(string account, string address) => account + "\n" + address;

    private sealed class Entry
    {
        public int Failures;
        public DateTimeOffset Since;
        public DateTimeOffset PausedUntil;
    }
}
