using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Rules;

// Table names are explicit: the context declares no DbSet properties (Data knows no feature).
internal sealed class RuleConfiguration : IEntityTypeConfiguration<Rule>
{
    public void Configure(EntityTypeBuilder<Rule> b)
    {
        b.ToTable("Rules");
        b.ConfigureEntity();
        b.Property(e => e.Name).HasMaxLength(Rule.NameMax);
        b.HasIndex(e => e.Name).IsUnique();
        b.Property(e => e.Description).HasMaxLength(Rule.DescriptionMax);
        b.Property(e => e.Conditions).HasMaxLength(Rule.JsonMax);
        b.Property(e => e.Actions).HasMaxLength(Rule.JsonMax);
        b.Property(e => e.CreatedById).HasMaxLength(450);
        b.Property(e => e.CreatedByName).HasMaxLength(256);
        b.Property(e => e.UpdatedByName).HasMaxLength(256);
        b.Ignore(e => e.Actor);
    }
}

internal sealed class RuleApplicationConfiguration : IEntityTypeConfiguration<RuleApplication>
{
    public void Configure(EntityTypeBuilder<RuleApplication> b)
    {
        b.ToTable("RuleApplications");
        // The key makes an episode unique: two nodes evaluating the same lead cannot both act.
        b.HasKey(e => new { e.RuleId, e.LeadId });
        b.HasIndex(e => e.LeadId);
        b.Property(e => e.Outcome).HasMaxLength(RuleApplication.OutcomeMax);
        b.HasOne<Rule>().WithMany().HasForeignKey(e => e.RuleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Lead>().WithMany().HasForeignKey(e => e.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.HasKey(e => e.Id);
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.Text).HasMaxLength(Notification.TextMax);
        b.Property(e => e.Link).HasMaxLength(Notification.LinkMax);
        b.HasIndex(e => new { e.UserId, e.Read, e.Id });
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Rule>().WithMany().HasForeignKey(e => e.RuleId).OnDelete(DeleteBehavior.SetNull);
    }
}
