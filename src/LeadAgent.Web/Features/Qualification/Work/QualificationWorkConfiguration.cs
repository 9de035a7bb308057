using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Qualification.Work;

// Table names are explicit: the context declares no DbSet properties (Data knows no feature).
internal sealed class QualificationWorkConfiguration : IEntityTypeConfiguration<QualificationWork>
{
    public void Configure(EntityTypeBuilder<QualificationWork> b)
    {
        b.ToTable("QualificationWork");
        b.Property(e => e.Target).AsText();
        b.Property(e => e.Reason).HasMaxLength(QualificationWork.ReasonMax);
        b.Property(e => e.LeaseOwner).HasMaxLength(64);
        b.HasIndex(e => new { e.DueAt, e.LeaseUntil });
    }
}
