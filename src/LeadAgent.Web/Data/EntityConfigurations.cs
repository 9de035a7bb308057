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

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(e => e.DisplayName).HasMaxLength(200);
        b.Property(e => e.TimeZone).HasMaxLength(64);
    }
}
