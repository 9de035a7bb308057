using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Imports;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("ImportRuns");
        b.Property(e => e.Kind).AsText();
        b.Property(e => e.Status).AsText();
        b.Property(e => e.Mode).AsText();
        b.Property(e => e.MatchKey).AsText();
        b.Property(e => e.FileName).HasMaxLength(260);
        b.Property(e => e.DefaultCountry).HasMaxLength(2);
        b.Property(e => e.Encoding).HasMaxLength(32);
        b.Property(e => e.CreatedByName).HasMaxLength(256);
        b.Property(e => e.LeaseOwner).HasMaxLength(64);
        b.HasIndex(e => new { e.Status, e.LeaseUntil });
        b.HasIndex(e => e.CreatedAt);
        b.HasOne<ImportFile>().WithOne().HasForeignKey<ImportFile>(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> b) => b.ToTable("ImportFiles").HasKey(e => e.RunId);
}

internal sealed class ImportRowIssueConfiguration : IEntityTypeConfiguration<ImportRowIssue>
{
    public void Configure(EntityTypeBuilder<ImportRowIssue> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("ImportRowIssues");
        b.Property(e => e.Outcome).AsText();
        b.Property(e => e.Message).HasMaxLength(1000);
        b.HasIndex(e => new { e.RunId, e.RowNumber });
        b.HasOne<ImportRun>().WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportMappingMemoryConfiguration : IEntityTypeConfiguration<ImportMappingMemory>
{
    public void Configure(EntityTypeBuilder<ImportMappingMemory> b)
    {
        // Table names are explicit: the context declares no DbSet properties (Data knows no feature).
        b.ToTable("ImportMappings");
        b.Property(e => e.Kind).AsText();
        b.Property(e => e.HeaderKey).HasMaxLength(64);
        b.HasIndex(e => new { e.Kind, e.HeaderKey }).IsUnique();
    }
}
