using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Accounts;

internal sealed class UserPreferenceConfiguration : IEntityTypeConfiguration<UserPreference>
{
    public void Configure(EntityTypeBuilder<UserPreference> b)
    {
        b.ToTable("UserPreferences");
        b.HasKey(e => new { e.UserId, e.Key });
        b.Property(e => e.Key).HasMaxLength(UserPreference.KeyMax);
        b.Property(e => e.Json).HasMaxLength(UserPreference.JsonMax);
        // A deleted user takes their settings along.
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
