using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Policy;

// Table names are explicit: the context declares no DbSet properties (Data knows no feature).
internal sealed class PolicyEntryConfiguration : IEntityTypeConfiguration<PolicyEntry>
{
    public void Configure(EntityTypeBuilder<PolicyEntry> b)
    {
        b.ToTable("PolicyEntries");
        b.Property(e => e.List).AsText();
        b.Property(e => e.Kind).AsText();
        b.Property(e => e.Value).HasMaxLength(PolicyEntry.ValueMax);
        b.Property(e => e.Label).HasMaxLength(200);
        b.Property(e => e.Reason).HasMaxLength(PolicyEntry.ReasonMax);
        b.Property(e => e.AuthorName).HasMaxLength(256);
        b.Property(e => e.AuthorId).HasMaxLength(64);
        b.HasIndex(e => new { e.Kind, e.Value, e.List }).IsUnique();
    }
}
