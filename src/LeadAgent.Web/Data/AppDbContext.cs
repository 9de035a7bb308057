using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Live;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LeadAgent.Web.Data;

/// <summary>
/// The one DbContext. It stamps times and versions; what else a save does (derived values, role guard, activity log)
/// comes from the features as <see cref="ISaveHook"/>s, so this layer knows none of them. Each feature declares its
/// tables as extension properties (<c>db.Leads</c> in <c>LeadSets</c>); inside a query's lambda use
/// <c>db.Set&lt;Lead&gt;()</c>, as C# keeps extension properties out of expression trees.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, IActorSource actorSource, TimeProvider time,
    IEnumerable<ISaveHook>? hooks = null, RecordChanges? changes = null)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    private readonly ISaveHook[] _hooks = hooks?.ToArray() ?? [];

    public TimeProvider Time => time;

    /// <summary>Set for bulk operations so their activity entries share one id.</summary>
    public Guid? BatchId { get; set; }

    public ValueTask<Actor> GetActorAsync() => actorSource.GetActorAsync();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<decimal>().HavePrecision(18, 4);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        StampAndVersion(now);
        await BeforeWriteAsync([], cancellationToken);
        AddRange(await CollectAsync(now, cancellationToken));
        var watched = Watched();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await PublishAsync(watched);
        return saved;
    }

    /// <summary>
    /// Saves an import batch in the current transaction. <paramref name="created"/> holds new records that were never
    /// tracked, grouped by type, parents first: they get the same stamps as SaveChanges and are written with set-based
    /// inserts, without activity entries (each names its import run, see <see cref="IImported"/>). Tracked changes are
    /// then saved as usual, with the rows the save hooks add; tracked new rows are bulk-inserted too. The context
    /// tracks nothing afterwards when nothing was modified or deleted.
    /// </summary>
    public async Task SaveChangesBulkAsync(IReadOnlyList<IReadOnlyList<object>> created, CancellationToken ct)
    {
        // Detect changes once: every Entries() call would otherwise rescan thousands of tracked records.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var record in created.SelectMany(rows => rows).OfType<Entity>())
            {
                StampNew(record, now);
            }
            StampAndVersion(now);
            await BeforeWriteAsync(created, ct);
            // New records first: the rows the hooks collect for tracked changes find them as parents (an order's
            // company).
            foreach (var rows in created.Where(rows => rows.Count > 0))
            {
                await BulkInsert.WriteAsync(this, Model.FindEntityType(rows[0].GetType())!, rows, ct);
            }
            var extra = await CollectAsync(now, ct);
            var added = ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
            foreach (var group in InsertOrder(added))
            {
                await BulkInsert.WriteAsync(this, group.Key, group.Value, ct);
            }
            if (ChangeTracker.Entries().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            {
                foreach (var entry in added)
                {
                    // Saved now: rows with a database-made key are forgotten, the rest stay tracked so navigations
                    // stay consistent.
                    entry.State = entry.Metadata.FindPrimaryKey()!.Properties
                        .Any(p => entry.Property(p.Name).IsTemporary) ? EntityState.Detached : EntityState.Unchanged;
                }
                var watched = Watched();
                await base.SaveChangesAsync(true, ct);
                await PublishAsync(watched);
            }
            else
            {
                // Nothing else to save (a batch of new records): forgetting everything is much cheaper than
                // accepting each entry.
                ChangeTracker.Clear();
            }
            foreach (var rows in extra.GroupBy(r => r.GetType()))
            {
                await BulkInsert.WriteAsync(this, Model.FindEntityType(rows.Key)!, rows.ToList(), ct);
            }
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    // Changed or deleted records an open page watches (RecordChanges), with their new versions, taken before the
    // save accepts them; told after it succeeded. Pages check the version in the database, so a change inside a
    // transaction that is rolled back later shows nothing.
    private List<(string Type, Guid Id, long? Version)>? Watched() => changes is not { IsWatching: true }
        ? null
        : ChangeTracker.Entries<Entity>()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted
                && changes.IsWatched(e.Metadata.ClrType.Name, e.Entity.Id))
            .Select(e => (e.Metadata.ClrType.Name, e.Entity.Id,
                e.State == EntityState.Deleted ? (long?)null : e.Entity.Version))
            .ToList();

    private async Task PublishAsync(List<(string Type, Guid Id, long? Version)>? watched)
    {
        if (watched is not { Count: > 0 })
        {
            return;
        }
        var actor = await GetActorAsync();
        changes!.Publish(watched.Select(w =>
            new RecordChange(w.Type, w.Id, w.Version, actor.UserId, actor.Name, actorSource)));
    }

    private async Task BeforeWriteAsync(IReadOnlyList<IReadOnlyList<object>> created, CancellationToken ct)
    {
        foreach (var hook in _hooks)
        {
            await hook.BeforeWriteAsync(this, created, ct);
        }
    }

    private async Task<List<object>> CollectAsync(DateTime now, CancellationToken ct)
    {
        var rows = new List<object>();
        foreach (var hook in _hooks)
        {
            rows.AddRange(await hook.CollectAsync(this, now, ct));
        }
        return rows;
    }

    // Principals before dependents (companies before their contacts, contacts before their identities).
    private List<KeyValuePair<IEntityType, List<object>>> InsertOrder(List<EntityEntry> added)
    {
        var pending = added.GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.Select(e => e.Entity).ToList());
        var ordered = new List<KeyValuePair<IEntityType, List<object>>>();
        while (pending.Count > 0)
        {
            var ready = pending.Keys.FirstOrDefault(t => t.GetForeignKeys()
                    .All(fk => fk.PrincipalEntityType == t || !pending.ContainsKey(fk.PrincipalEntityType)))
                ?? throw new InvalidOperationException("Circular references between new records.");
            ordered.Add(new(ready, pending[ready]));
            pending.Remove(ready);
        }
        return ordered;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync so the activity log is written with the change.");

    private static void StampNew(Entity record, DateTime now)
    {
        if (record.CreatedAt == default)
        {
            record.CreatedAt = now;
        }
        record.UpdatedAt = now;
        record.Version = 1;
    }

    private void StampAndVersion(DateTime now)
    {
        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            if (entry.State == EntityState.Added)
            {
                StampNew(entry.Entity, now);
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Property(e => e.UpdatedAt).CurrentValue = now;
                entry.Property(e => e.Version).CurrentValue = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}
