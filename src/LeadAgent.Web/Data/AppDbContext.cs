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
        foreach (var entry in activity.Where(a => a.EntityLabel is null))
        {
            var tracked = ChangeTracker.Entries().Select(e => e.Entity).OfType<IAudited>()
                .FirstOrDefault(a => a.AuditId == entry.EntityId && a.GetType().Name == entry.EntityType);
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
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
                entry.Property(e => e.Version).CurrentValue = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }
}
