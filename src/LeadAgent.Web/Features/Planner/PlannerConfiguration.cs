using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Planner;

// Table names are explicit: the context declares no DbSet properties (Data knows no feature).
internal sealed class SalesTaskConfiguration : IEntityTypeConfiguration<SalesTask>
{
    public void Configure(EntityTypeBuilder<SalesTask> b)
    {
        b.ToTable("SalesTasks");
        b.ConfigureEntity();
        b.Property(e => e.Kind).AsText();
        b.Property(e => e.State).AsText();
        b.Property(e => e.Title).HasMaxLength(SalesTask.TitleMax);
        b.Property(e => e.Reason).HasMaxLength(SalesTask.ReasonMax);
        b.Property(e => e.OwnerId).HasMaxLength(450);
        b.Property(e => e.PlanKey).HasMaxLength(SalesTask.KeyMax);
        b.Property(e => e.ClosedByName).HasMaxLength(256);
        b.Property(e => e.CloseNote).HasMaxLength(SalesTask.CloseNoteMax);
        b.Property(e => e.CreatedByName).HasMaxLength(256);
        b.HasIndex(e => new { e.OwnerId, e.State, e.DueAt });
        b.HasIndex(e => new { e.LeadId, e.State });
        b.HasIndex(e => e.PlanKey).IsUnique();
        b.HasOne<Lead>().WithMany().HasForeignKey(e => e.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}
