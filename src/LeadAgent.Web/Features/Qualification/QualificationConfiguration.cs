using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Qualification;

// Table names are explicit: the context declares no DbSet properties (Data knows no feature).
internal sealed class CompanyFitConfiguration : IEntityTypeConfiguration<CompanyFit>
{
    public void Configure(EntityTypeBuilder<CompanyFit> b)
    {
        b.ToTable("CompanyFits");
        b.HasKey(e => e.CompanyId);
        b.Property(e => e.Segment).AsText();
        b.Property(e => e.Method).AsText();
        b.Property(e => e.Evidence).HasMaxLength(CompanyFit.EvidenceMax);
        b.Property(e => e.FitFactors).HasMaxLength(CompanyFit.FactorsMax);
        b.Property(e => e.SignalsHash).HasMaxLength(CompanyFit.HashLength);
        b.Property(e => e.PotentialCurrency).HasMaxLength(3);
        b.Property(e => e.PotentialBasis).HasMaxLength(CompanyFit.FactorsMax);
        b.HasIndex(e => e.FitScore);
        b.HasIndex(e => e.PotentialExpected);
        b.HasIndex(e => e.ClientSimilarity);
        b.HasOne<Company>().WithOne(c => c.Fit).HasForeignKey<CompanyFit>(e => e.CompanyId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualificationVersionConfiguration : IEntityTypeConfiguration<QualificationVersion>
{
    public void Configure(EntityTypeBuilder<QualificationVersion> b)
    {
        b.ToTable("QualificationVersions");
        b.Property(e => e.Kind).AsText();
        b.Property(e => e.Json).HasMaxLength(QualificationVersion.JsonMax);
        b.Property(e => e.Note).HasMaxLength(QualificationVersion.NoteMax);
        b.Property(e => e.AuthorName).HasMaxLength(256);
        b.Property(e => e.AuthorId).HasMaxLength(64);
        b.HasIndex(e => new { e.Kind, e.Number }).IsUnique();
    }
}
