using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Duplicates;

internal sealed class DuplicatePairConfiguration : IEntityTypeConfiguration<DuplicatePair>
{
    public void Configure(EntityTypeBuilder<DuplicatePair> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("DuplicatePairs");
        b.Property(e => e.Kind).AsText();
        b.Property(e => e.Status).AsText();
        b.Property(e => e.ResolvedBy).HasMaxLength(256);
        b.HasIndex(e => new { e.Kind, e.AId, e.BId }).IsUnique();
        b.HasIndex(e => new { e.Kind, e.Status, e.Confidence });
        b.HasIndex(e => e.BId);
    }
}

internal sealed class MergeRecordConfiguration : IEntityTypeConfiguration<MergeRecord>
{
    public void Configure(EntityTypeBuilder<MergeRecord> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("MergeRecords");
        b.Property(e => e.Kind).AsText();
        b.Property(e => e.SurvivorLabel).HasMaxLength(200);
        b.Property(e => e.LoserLabel).HasMaxLength(200);
        b.Property(e => e.MergedBy).HasMaxLength(256);
        b.Property(e => e.UndoneBy).HasMaxLength(256);
        b.HasIndex(e => e.MergedAt);
    }
}
