using LeadAgent.Web.Features.Crm.Activity;
using LeadAgent.Web.Features.Crm.Companies;
using LeadAgent.Web.Features.Crm.Contacts;
using LeadAgent.Web.Features.Crm.Leads;
using LeadAgent.Web.Features.Crm.Lists;
using LeadAgent.Web.Features.Crm.Notes;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

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
    public DbSet<Features.Crm.Orders.Order> Orders => Set<Features.Crm.Orders.Order>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Features.Crm.Imports.ImportRun> ImportRuns => Set<Features.Crm.Imports.ImportRun>();
    public DbSet<Features.Crm.Imports.ImportFile> ImportFiles => Set<Features.Crm.Imports.ImportFile>();
    public DbSet<Features.Crm.Imports.ImportRowIssue> ImportRowIssues => Set<Features.Crm.Imports.ImportRowIssue>();
    public DbSet<Features.Crm.Imports.ImportMappingMemory> ImportMappings => Set<Features.Crm.Imports.ImportMappingMemory>();

    public TimeProvider Time => time;

    /// <summary>Set for bulk operations so their activity entries share one id.</summary>
    public Guid? BatchId { get; set; }

    public ValueTask<Features.Crm.Activity.Actor> GetActorAsync() => actorSource.GetActorAsync();

    /// <summary>Hard deletes and other admin-only changes.</summary>
    public async Task RequireAdminAsync()
    {
        if (!(await actorSource.GetActorAsync()).IsAdmin)
        {
            throw new Infrastructure.Api.ForbiddenException("Only admins may do this.");
        }
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
        var now = time.GetUtcNow().UtcDateTime;
        StampAndVersion(now);
        var actor = await actorSource.GetActorAsync();
        if (!actor.CanWrite && ChangeTracker.Entries().Any(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            throw new Infrastructure.Api.ForbiddenException("Your role can read but not change CRM data.");
        }
        var activity = ActivityCapture.Capture(ChangeTracker, actor, now, BatchId);
        await FillParentLabelsAsync(activity, cancellationToken);
        Activity.AddRange(activity);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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

    private void StampAndVersion(DateTime now)
    {
        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            if (entry.State == EntityState.Added)
            {
                if (entry.Entity.CreatedAt == default)
                {
                    entry.Entity.CreatedAt = now;
                }
                entry.Entity.UpdatedAt = now;
                entry.Entity.Version = 1;
                if (entry.Entity is Company { } company)
                {
                    company.NameKey = Features.Crm.Normalization.CompanyNames.Key(company.Name);
                }
            }
            else if (entry.State == EntityState.Modified)
            {
                if (entry.Entity is Company { } changed && entry.Property(nameof(Company.Name)).IsModified)
                {
                    changed.NameKey = Features.Crm.Normalization.CompanyNames.Key(changed.Name);
                }
                entry.Entity.UpdatedAt = now;
                entry.Property(e => e.Version).CurrentValue = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}
