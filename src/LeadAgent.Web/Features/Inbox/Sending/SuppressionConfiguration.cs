using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Inbox.Sending;

internal sealed class SuppressionConfiguration : IEntityTypeConfiguration<Sending.Suppression>
{
    public void Configure(EntityTypeBuilder<Sending.Suppression> b)
    {
        b.ToTable("Suppressions");
        b.Property(e => e.Address).HasMaxLength(320);
        b.Property(e => e.Reason).HasMaxLength(200);
        b.HasIndex(e => e.Address).IsUnique();
    }
}
