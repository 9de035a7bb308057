namespace LeadAgent.Web.Infrastructure.Live;

/// <summary>
/// A record saved on this instance: its type (CLR name, e.g. "Lead"), id, new version (null: deleted), who saved it
/// and the scope that did (its <c>IActorSource</c>: one per request or Blazor circuit), so a page can tell its own
/// saves from other people's.
/// </summary>
public sealed record RecordChange(
    string Type, Guid Id, long? Version, string? UserId, string ActorName, object? Origin);

/// <summary>
/// Tells open pages on this instance that a record they show was saved (fed by <c>AppDbContext</c> after each
/// successful save). Other instances' saves are not seen here: pages also poll the record's version
/// (<see cref="RecordWatch{T}"/>).
/// </summary>
public sealed class RecordChanges
{
    private readonly Dictionary<(string Type, Guid Id), List<Action<RecordChange>>> _watchers = [];
    private readonly Lock _lock = new();
    private volatile int _count;

    /// <summary>Cheap check for the save path: nobody watches anything.</summary>
    public bool IsWatching => _count > 0;

    public bool IsWatched(string type, Guid id)
    {
        lock (_lock)
        {
            return _watchers.ContainsKey((type, id));
        }
    }

    /// <summary>Calls <paramref name="handler"/> (on the saving thread: keep it short) until disposed.</summary>
    public IDisposable Watch(string type, Guid id, Action<RecordChange> handler)
    {
        lock (_lock)
        {
            if (!_watchers.TryGetValue((type, id), out var list))
            {
                _watchers[(type, id)] = list = [];
            }
            list.Add(handler);
            _count++;
        }
        return new Unwatch(this, (type, id), handler);
    }

    public void Publish(IEnumerable<RecordChange> changes)
    {
        foreach (var change in changes)
        {
            Action<RecordChange>[] handlers;
            lock (_lock)
            {
                if (!_watchers.TryGetValue((change.Type, change.Id), out var list))
                {
                    continue;
                }
                handlers = [.. list];
            }
            foreach (var handler in handlers)
            {
                handler(change);
            }
        }
    }

    private void Remove((string, Guid) key, Action<RecordChange> handler)
    {
        lock (_lock)
        {
            if (_watchers.TryGetValue(key, out var list) && list.Remove(handler))
            {
                _count--;
                if (list.Count == 0)
                {
                    _watchers.Remove(key);
                }
            }
        }
    }

    private sealed class Unwatch(RecordChanges owner, (string, Guid) key, Action<RecordChange> handler) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                owner.Remove(key, handler);
            }
        }
    }
}
