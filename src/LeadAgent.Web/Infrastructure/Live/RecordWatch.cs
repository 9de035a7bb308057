using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Infrastructure.Live;

/// <summary>A watched record as saved: its version and when it changed; Version null when it is gone.</summary>
public sealed record RecordState(long? Version, DateTime? UpdatedAt);

/// <summary>
/// Watches one record for an open page. A save on this instance is heard at once (<see cref="RecordChanges"/>); one
/// on another instance, or written around the app, by polling: one primary-key read of the version per interval of
/// the injected <see cref="TimeProvider"/>. Either way the version is read from the database and compared with the
/// last one seen, so each change is reported once and only when committed. Saves from the page's own scope
/// (<paramref name="origin"/>) are taken as seen: the page shows what it saved.
/// </summary>
public sealed class RecordWatch<T> : IAsyncDisposable where T : Entity
{
    private readonly IDbContextFactory<AppDbContext> _dbFactory;
    private readonly Guid _id;
    private readonly object? _origin;
    private readonly Func<RecordState, RecordChange?, Task> _changed;
    private readonly IDisposable _subscription;
    private readonly PeriodicTimer _timer;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationToken _ct;
    private readonly SemaphoreSlim _checking = new(1, 1);
    private readonly Lock _lock = new();
    private readonly Task _polling;
    private readonly ILogger? _logger;
    private long? _known;

    public RecordWatch(RecordChanges changes, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time,
        TimeSpan interval, Guid id, long version, object? origin, Func<RecordState, RecordChange?, Task> changed,
        ILogger? logger = null)
    {
        _logger = logger;
        _dbFactory = dbFactory;
        _id = id;
        _origin = origin;
        _changed = changed;
        _known = version;
        _ct = _stop.Token;
        _subscription = changes.Watch(typeof(T).Name, id, OnSaved);
        _timer = new PeriodicTimer(interval, time);
        _polling = PollAsync();
    }

    /// <summary>The page shows this version now (it saved or reloaded the record).</summary>
    public void Seen(long version)
    {
        lock (_lock)
        {
            if (_known is { } known && version > known)
            {
                _known = version;
            }
        }
    }

    /// <summary>Reads the version now (what a poll does), e.g. to check before something is sent.</summary>
    public Task CheckNowAsync() => CheckAsync(null);

    private void OnSaved(RecordChange change)
    {
        if (_origin is not null && ReferenceEquals(change.Origin, _origin))
        {
            if (change.Version is { } version)
            {
                Seen(version);
            }
            return;
        }
        // Off the saving thread: the save (maybe another user's circuit) must not wait for this page.
        _ = Task.Run(() => CheckAsync(change), CancellationToken.None);
    }

    private async Task PollAsync()
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(_ct))
            {
                await CheckAsync(null);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task CheckAsync(RecordChange? hint)
    {
        try
        {
            await _checking.WaitAsync(_ct);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        try
        {
            RecordState state;
            await using (var db = await _dbFactory.CreateDbContextAsync(_ct))
            {
                var row = await db.Set<T>().AsNoTracking().Where(r => r.Id == _id)
                    .Select(r => new { r.Version, r.UpdatedAt }).FirstOrDefaultAsync(_ct);
                state = new RecordState(row?.Version, row?.UpdatedAt);
            }
            lock (_lock)
            {
                // Older than what the page shows: its own save is not committed yet.
                if (state.Version == _known || (state.Version is { } v && _known is { } k && v < k))
                {
                    return;
                }
                _known = state.Version;
            }
            await _changed(state, hint?.Version == state.Version ? hint : null);
        }
        catch (Exception e) when (_ct.IsCancellationRequested || e is ObjectDisposedException)
        {
            // The page is gone (its circuit, and the services it read with, too).
        }
        catch (Exception e)
        {
            // A failed read (database busy or restarting) is tried again at the next tick.
            _logger?.LogWarning(e, "Could not check {Type} {Id} for changes", typeof(T).Name, _id);
        }
        finally
        {
            _checking.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        await _stop.CancelAsync();
        _timer.Dispose();
        await _polling;
        _stop.Dispose();
    }
}
