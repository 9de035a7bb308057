using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Qualification.Lookalikes;

/// <summary>
/// This app instance's <see cref="SimilarityIndex"/>: a cache of the database, never the source of truth. Built in
/// full on first use; every <see cref="CheckEvery"/> a reader compares the <see cref="DataStamp"/> and loads only the
/// companies changed since (several instances share one database, and another may have made the change); rebuilt in
/// full when something was deleted, when most companies changed, or after <see cref="RebuildEvery"/> (so document
/// frequencies and changes committed out of time order catch up). <see cref="RefreshAsync"/> loads given companies
/// at once (the recompute worker's path).
/// </summary>
public sealed class LookalikeIndex(IServiceScopeFactory scopes, IOptions<CrmOptions> crm,
    TimeProvider time, ILogger<LookalikeIndex> log)
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30), RebuildEvery = TimeSpan.FromHours(6);

    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly ReaderWriterLockSlim _lock = new();
    private SimilarityIndex? _index;
    private DataStamp? _stamp;
    private DateTimeOffset _checkedAt, _builtAt;

    public string Currency => crm.Value.DefaultCurrency;

    /// <summary>Runs a read over the index, brought up to date first when its stamp is due a check.</summary>
    public async Task<T> ReadAsync<T>(Func<SimilarityIndex, T> read, CancellationToken ct)
    {
        await EnsureFreshAsync(ct);
        _lock.EnterReadLock();
        try
        {
            return read(_index!);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public async Task EnsureFreshAsync(CancellationToken ct)
    {
        if (_index is not null && time.GetUtcNow() - _checkedAt < CheckEvery)
        {
            return;
        }
        await _writer.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (_index is not null && now - _checkedAt < CheckEvery)
            {
                return;
            }
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await Factory(scope).CreateDbContextAsync(ct);
            var stamp = await DataStamp.ReadAsync(db, ct);
            if (_index is null || _stamp is null || _stamp.Shrunk(stamp) || now - _builtAt > RebuildEvery)
            {
                await BuildAsync(db, stamp, ct);
            }
            else if (stamp != _stamp)
            {
                var changed = await _stamp.ChangedSinceAsync(db, ct);
                if (changed.Count > _index.Count / 2)
                {
                    await BuildAsync(db, stamp, ct);
                }
                else
                {
                    await LoadAsync(db, changed, ct);
                    _stamp = stamp;
                }
            }
            _checkedAt = now;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Reloads these companies from the database (adds, replaces, drops archived and deleted).</summary>
    public async Task RefreshAsync(AppDbContext db, IReadOnlyCollection<Guid> companyIds, CancellationToken ct)
    {
        await EnsureFreshAsync(ct);
        await _writer.WaitAsync(ct);
        try
        {
            await LoadAsync(db, companyIds, ct);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Builds the whole index again from the database.</summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await Factory(scope).CreateDbContextAsync(ct);
            await BuildAsync(db, await DataStamp.ReadAsync(db, ct), ct);
            _checkedAt = time.GetUtcNow();
        }
        finally
        {
            _writer.Release();
        }
    }

    // The context factory is scoped (its contexts see the request's actor); the index only reads.
    private static IDbContextFactory<AppDbContext> Factory(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    // Called with the writer semaphore held; the new index replaces the old one only when complete.
    private async Task BuildAsync(AppDbContext db, DataStamp stamp, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var ids = await LookalikeLoader.Indexed(db).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        var builder = new SimilarityIndex.Builder();
        foreach (var chunk in ids.Chunk(LookalikeLoader.Chunk))
        {
            foreach (var doc in await LookalikeLoader.LoadAsync(db, chunk, Currency, Today, ct))
            {
                builder.Add(doc);
            }
        }
        var index = builder.Finish();
        _lock.EnterWriteLock();
        try
        {
            (_index, _stamp, _builtAt) = (index, stamp, time.GetUtcNow());
        }
        finally
        {
            _lock.ExitWriteLock();
        }
        log.LogInformation("Lookalike index built: {Companies} companies, {Clients} clients, {Terms} terms in {Ms} ms",
            index.Count, index.ClientCount, index.VocabularySize, time.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task LoadAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var docs = await LookalikeLoader.LoadAsync(db, ids, Currency, Today, ct);
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in ids)
            {
                _index!.Remove(id);
            }
            foreach (var doc in docs)
            {
                _index!.Upsert(doc);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}
