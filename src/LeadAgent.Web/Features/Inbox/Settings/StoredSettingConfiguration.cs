using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Inbox.Settings;

internal sealed class StoredSettingConfiguration : IEntityTypeConfiguration<Settings.StoredSetting>
{
    public void Configure(EntityTypeBuilder<Settings.StoredSetting> b)
    {
        b.ToTable("StoredSettings");
        b.HasKey(e => e.Name);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Value).HasMaxLength(8000);
        b.Property(e => e.UpdatedBy).HasMaxLength(256);
    }
}
