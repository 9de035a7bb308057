using LeadAgent.Web.Features.Crm.Activity;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Data;

internal static class EntityConfigurationExtensions
{
    /// <summary>Common mapping for editable records: concurrency version and timestamps.</summary>
    public static void ConfigureEntity<T>(this EntityTypeBuilder<T> b) where T : Entity
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Version).IsConcurrencyToken();
    }

    public static PropertyBuilder<TEnum> AsText<TEnum>(this PropertyBuilder<TEnum> p) => p.HasConversion<string>().HasMaxLength(32);
}

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> b)
    {
        b.ToTable("ActivityLog");
        b.Property(e => e.ActorKind).AsText();
        b.Property(e => e.ActorName).HasMaxLength(256);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.EntityType).HasMaxLength(64);
        b.Property(e => e.EntityLabel).HasMaxLength(200);
        b.HasIndex(e => new { e.EntityType, e.EntityId, e.Id });
        b.HasIndex(e => e.OccurredAt);
        b.HasIndex(e => e.ActorId);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Prefix).HasMaxLength(16);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.Hash).IsUnique();
        b.HasIndex(e => e.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(e => e.DisplayName).HasMaxLength(200);
        b.Property(e => e.TimeZone).HasMaxLength(64);
    }
}
