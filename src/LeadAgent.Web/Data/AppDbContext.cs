using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LeadAgent.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options, IActorSource actorSource, TimeProvider time)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactIdentity> ContactIdentities => Set<ContactIdentity>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<LeadList> LeadLists => Set<LeadList>();
    public DbSet<LeadListMember> LeadListMembers => Set<LeadListMember>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<ActivityEntry> Activity => Set<ActivityEntry>();
    public DbSet<SavedView> SavedViews => Set<SavedView>();
    public DbSet<Features.Orders.Order> Orders => Set<Features.Orders.Order>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Features.Imports.ImportRun> ImportRuns => Set<Features.Imports.ImportRun>();
    public DbSet<Features.Imports.ImportFile> ImportFiles => Set<Features.Imports.ImportFile>();
    public DbSet<Features.Imports.ImportRowIssue> ImportRowIssues => Set<Features.Imports.ImportRowIssue>();
    public DbSet<Features.Imports.ImportMappingMemory> ImportMappings => Set<Features.Imports.ImportMappingMemory>();

    public DbSet<Features.Duplicates.DuplicatePair> DuplicatePairs => Set<Features.Duplicates.DuplicatePair>();
    public DbSet<Features.Duplicates.MergeRecord> MergeRecords => Set<Features.Duplicates.MergeRecord>();

    public DbSet<Features.Inbox.Webhooks.WebhookEvent> WebhookEvents => Set<Features.Inbox.Webhooks.WebhookEvent>();
    public DbSet<Features.Inbox.Conversations.Channel> Channels => Set<Features.Inbox.Conversations.Channel>();
    public DbSet<Features.Inbox.Conversations.Conversation> Conversations => Set<Features.Inbox.Conversations.Conversation>();
    public DbSet<Features.Inbox.Conversations.Message> Messages => Set<Features.Inbox.Conversations.Message>();
    public DbSet<Features.Inbox.Templates.MessageTemplate> MessageTemplates => Set<Features.Inbox.Templates.MessageTemplate>();
    public DbSet<Features.Inbox.Sending.Suppression> Suppressions => Set<Features.Inbox.Sending.Suppression>();
    public DbSet<Features.Inbox.Settings.StoredSetting> StoredSettings => Set<Features.Inbox.Settings.StoredSetting>();

    public TimeProvider Time => time;

    /// <summary>Set for bulk operations so their activity entries share one id.</summary>
    public Guid? BatchId { get; set; }

    public ValueTask<Features.Activity.Actor> GetActorAsync() => actorSource.GetActorAsync();

    /// <summary>Hard deletes and other admin-only changes.</summary>
    public async Task RequireAdminAsync()
    {
        if (!(await actorSource.GetActorAsync()).IsAdmin)
        {
            throw new Infrastructure.Api.ForbiddenException("Only admins may do this.");
        }
    }

    /// <summary>Changes by sales and admins only; viewers get 403 with what they tried, whichever way they reach the code.</summary>
    public async Task<Features.Activity.Actor> RequireWriterAsync(string what = "change CRM data")
    {
        var actor = await actorSource.GetActorAsync();
        if (!actor.CanWrite)
        {
            throw new Infrastructure.Api.ForbiddenException($"Your role can read but not {what}.");
        }
        return actor;
    }

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

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var activity = await PrepareSaveAsync(cancellationToken);
        Activity.AddRange(activity);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Saves an import batch in the current transaction. <paramref name="created"/> holds new records that were never
    /// tracked, parents first: they get the same stamps as SaveChanges and are written with set-based inserts, without
    /// activity entries (each names its import run, see <see cref="IImported"/>). Tracked changes are then saved as usual,
    /// with their activity entries; tracked new rows are bulk-inserted too. The context tracks nothing afterwards when
    /// nothing was modified or deleted.
    /// </summary>
    public async Task SaveChangesBulkAsync(IReadOnlyList<IReadOnlyList<object>> created, CancellationToken ct)
    {
        // Detect changes once: every Entries() call would otherwise rescan thousands of tracked records.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // New records first: the activity entries of tracked changes below find them as parents (an order's company).
            if (created.Any(rows => rows.Count > 0))
            {
                await RequireWriterAsync();
                var now = time.GetUtcNow().UtcDateTime;
                foreach (var rows in created.Where(rows => rows.Count > 0))
                {
                    foreach (var record in rows.OfType<Entity>())
                    {
                        StampNew(record, now);
                    }
                    await BulkInsert.WriteAsync(this, Model.FindEntityType(rows[0].GetType())!, rows, ct);
                }
            }
            var activity = await PrepareSaveAsync(ct);
            var added = ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList();
            foreach (var group in InsertOrder(added))
            {
                await BulkInsert.WriteAsync(this, group.Key, group.Value, ct);
            }
            if (ChangeTracker.Entries().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            {
                foreach (var entry in added)
                {
                    // Saved now: rows with a database-made key are forgotten, the rest stay tracked so navigations stay consistent.
                    entry.State = entry.Metadata.FindPrimaryKey()!.Properties.Any(p => entry.Property(p.Name).IsTemporary)
                        ? EntityState.Detached : EntityState.Unchanged;
                }
                await base.SaveChangesAsync(true, ct);
            }
            else
            {
                // Nothing else to save (a batch of new records): forgetting everything is much cheaper than accepting each entry.
                ChangeTracker.Clear();
            }
            await BulkInsert.WriteAsync(this, activity, ct);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    // Principals before dependents (companies before their contacts, contacts before their identities).
    private List<KeyValuePair<IEntityType, List<object>>> InsertOrder(List<EntityEntry> added)
    {
        var pending = added.GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.Select(e => e.Entity).ToList());
        var ordered = new List<KeyValuePair<IEntityType, List<object>>>();
        while (pending.Count > 0)
        {
            var ready = pending.Keys.FirstOrDefault(t => t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || !pending.ContainsKey(fk.PrincipalEntityType)))
                ?? throw new InvalidOperationException("Circular references between new records.");
            ordered.Add(new(ready, pending[ready]));
            pending.Remove(ready);
        }
        return ordered;
    }

    private async Task<List<ActivityEntry>> PrepareSaveAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        StampAndVersion(now);
        var actor = await actorSource.GetActorAsync();
        if (!actor.CanWrite && ChangeTracker.Entries().Any(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            throw new Infrastructure.Api.ForbiddenException("Your role can read but not change CRM data.");
        }
        var activity = ActivityCapture.Capture(ChangeTracker, actor, now, BatchId);
        await FillParentLabelsAsync(activity, ct);
        return activity;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Use SaveChangesAsync so the activity log is written with the change.");

    // Entries of child records name their parent ("Lead: Badges for Eventwerk"), from the tracker or the database.
    private async Task FillParentLabelsAsync(List<ActivityEntry> activity, CancellationToken ct)
    {
        var missing = activity.Where(a => a.EntityLabel is null).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        // One pass over the tracker (each Entries() call runs change detection): parents by type and id.
        var parents = new Dictionary<(string, Guid), IAudited>();
        foreach (var audited in ChangeTracker.Entries().Select(e => e.Entity).OfType<IAudited>())
        {
            if (audited.GetType().Name == audited.AuditType)
            {
                parents.TryAdd((audited.AuditType, audited.AuditId), audited);
            }
        }
        foreach (var entry in missing)
        {
            var tracked = parents.GetValueOrDefault((entry.EntityType, entry.EntityId));
            var id = entry.EntityId;
            entry.EntityLabel = ActivityCapture.Truncate(tracked?.AuditLabel ?? entry.EntityType switch
            {
                nameof(Lead) => await Leads.Where(l => l.Id == id).Select(l => l.Title).FirstOrDefaultAsync(ct),
                nameof(Company) => await Companies.Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(ct),
                nameof(Contact) => await Contacts.Where(c => c.Id == id).Select(c => c.FirstName + " " + (c.LastName ?? "")).FirstOrDefaultAsync(ct),
                _ => null,
            }, 200);
        }
    }

    private static void StampNew(Entity record, DateTime now)
    {
        if (record.CreatedAt == default)
        {
            record.CreatedAt = now;
        }
        record.UpdatedAt = now;
        record.Version = 1;
        // Imports key their new companies while matching; others are keyed here.
        if (record is Company { NameKey.Length: 0 } company)
        {
            company.NameKey = Features.Crm.Normalization.CompanyNames.Key(company.Name);
        }
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
                // Through the entry, not the object, so the change counts even when change detection already ran.
                if (entry.Entity is Company { } changed && entry.Property(nameof(Company.Name)).IsModified)
                {
                    entry.Property(nameof(Company.NameKey)).CurrentValue = Features.Crm.Normalization.CompanyNames.Key(changed.Name);
                }
                entry.Property(e => e.UpdatedAt).CurrentValue = now;
                entry.Property(e => e.Version).CurrentValue = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}
