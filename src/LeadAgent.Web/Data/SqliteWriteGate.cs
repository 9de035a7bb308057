namespace LeadAgent.Web.Data;

/// <summary>
/// SQLite has one writer at a time. Busy writers wait in SQLite's busy handler, which sleeps in growing steps (up to
/// 100 ms) and so adds long tails to request latency under load; hot write paths (webhook intake, inbox processing)
/// queue here instead and are woken the moment the previous write commits. PostgreSQL locks rows, so it passes.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<IDisposable?> EnterAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.IsSqlite)
        {
            return null;
        }
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
