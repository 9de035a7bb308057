using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Accounts;

/// <summary>
/// Failed sign-ins of one account from one client address (<see cref="LoginThrottle"/>), in the database so that
/// every node of a deployment counts the same failures.
/// </summary>
public sealed class LoginFailure
{
    public const int AccountMax = 256, AddressMax = 64;

    public required string Account { get; set; }
    public required string Address { get; set; }
    public int Failures { get; set; }
    public DateTime Since { get; set; }
    public DateTime? PausedUntil { get; set; }
}

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("LoginFailures");
        b.HasKey(e => new { e.Account, e.Address });
        b.Property(e => e.Account).HasMaxLength(LoginFailure.AccountMax);
        b.Property(e => e.Address).HasMaxLength(LoginFailure.AddressMax);
        b.HasIndex(e => e.Since);
    }
}

/// <summary>This table on the one context (declared here, so the context knows no feature).</summary>
public static class LoginFailureSets
{
    extension(AppDbContext db)
    {
        public DbSet<LoginFailure> LoginFailures => db.Set<LoginFailure>();
    }
}
