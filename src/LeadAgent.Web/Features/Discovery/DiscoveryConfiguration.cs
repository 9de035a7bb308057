using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Alerts;
using LeadAgent.Web.Features.Discovery.Campaigns;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Discovery.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LeadAgent.Web.Features.Discovery;

// Table names are explicit: the context declares no DbSet properties (Data knows no feature).
internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("Campaigns");
        b.ConfigureEntity();
        b.Property(e => e.Name).HasMaxLength(Campaign.NameMax);
        b.Property(e => e.Provider).HasMaxLength(32);
        b.Property(e => e.Schedule).HasMaxLength(Campaign.CronMax);
        b.Property(e => e.TimeZone).HasMaxLength(Campaign.TimeZoneMax);
        b.HasIndex(e => e.Name).IsUnique();
        b.HasIndex(e => e.NextRunAt);
    }
}

internal sealed class DiscoveryRunConfiguration : IEntityTypeConfiguration<DiscoveryRun>
{
    public void Configure(EntityTypeBuilder<DiscoveryRun> b)
    {
        b.ToTable("DiscoveryRuns");
        b.Property(e => e.Name).HasMaxLength(Campaign.NameMax);
        b.Property(e => e.Trigger).AsText();
        b.Property(e => e.Status).AsText();
        b.Property(e => e.Stage).AsText();
        b.Property(e => e.StopReason).HasMaxLength(1000);
        b.Property(e => e.Warnings).HasMaxLength(4000);
        b.Property(e => e.Error).HasMaxLength(2000);
        b.Property(e => e.CreatedByName).HasMaxLength(256);
        b.Property(e => e.LeaseOwner).HasMaxLength(64);
        b.HasIndex(e => new { e.Status, e.LeaseUntil });
        b.HasIndex(e => new { e.CampaignId, e.CreatedAt });
    }
}

internal sealed class ProspectConfiguration : IEntityTypeConfiguration<Prospect>
{
    public void Configure(EntityTypeBuilder<Prospect> b)
    {
        b.ToTable("Prospects");
        b.Property(e => e.Domain).HasMaxLength(253);
        b.Property(e => e.Url).HasMaxLength(2000);
        b.Property(e => e.FoundBy).HasMaxLength(16);
        b.Property(e => e.FoundVia).HasMaxLength(2000);
        b.Property(e => e.Title).HasMaxLength(Prospect.TextMax);
        b.Property(e => e.Snippet).HasMaxLength(Prospect.TextMax);
        b.Property(e => e.Research).AsText();
        b.Property(e => e.Outcome).HasMaxLength(Prospect.ReasonMax);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.LegalName).HasMaxLength(200);
        b.Property(e => e.VatId).HasMaxLength(32);
        b.Property(e => e.Register).HasMaxLength(200);
        b.Property(e => e.Phone).HasMaxLength(20);
        b.Property(e => e.Email).HasMaxLength(254);
        b.Property(e => e.Country).HasMaxLength(2);
        b.Property(e => e.City).HasMaxLength(100);
        b.Property(e => e.Segment).HasMaxLength(32);
        b.Property(e => e.MatchEvidence).HasMaxLength(1000);
        b.Property(e => e.Review).AsText();
        b.Property(e => e.RejectReason).HasMaxLength(Prospect.ReasonMax);
        b.Property(e => e.ReviewedByName).HasMaxLength(256);
        b.HasIndex(e => new { e.RunId, e.Domain }).IsUnique();
        b.HasIndex(e => new { e.RunId, e.Research });
        b.HasIndex(e => new { e.Review, e.CreatedAt });
        b.HasIndex(e => e.Domain);
        b.HasIndex(e => e.CompanyId);
        b.HasOne<DiscoveryRun>().WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProspectPageConfiguration : IEntityTypeConfiguration<ProspectPage>
{
    public void Configure(EntityTypeBuilder<ProspectPage> b)
    {
        b.ToTable("ProspectPages");
        b.Property(e => e.Url).HasMaxLength(2000);
        b.Property(e => e.Kind).HasMaxLength(16);
        b.Property(e => e.Title).HasMaxLength(Prospect.TextMax);
        b.HasIndex(e => e.ProspectId);
        b.HasOne<Prospect>().WithMany().HasForeignKey(e => e.ProspectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DomainVerdictConfiguration : IEntityTypeConfiguration<DomainVerdict>
{
    public void Configure(EntityTypeBuilder<DomainVerdict> b)
    {
        b.ToTable("DomainVerdicts").HasKey(e => e.Domain);
        b.Property(e => e.Domain).HasMaxLength(253);
        b.Property(e => e.Reason).HasMaxLength(Prospect.ReasonMax);
        b.Property(e => e.ByName).HasMaxLength(256);
    }
}

internal sealed class QueryStatConfiguration : IEntityTypeConfiguration<QueryStat>
{
    public void Configure(EntityTypeBuilder<QueryStat> b)
    {
        b.ToTable("QueryStats").HasKey(e => e.Query);
        b.Property(e => e.Query).HasMaxLength(QueryStat.QueryMax);
    }
}

internal sealed class SegmentKeywordsConfiguration : IEntityTypeConfiguration<SegmentKeywords>
{
    public void Configure(EntityTypeBuilder<SegmentKeywords> b) =>
        b.ToTable("SegmentKeywords").HasKey(e => e.Segment);
}

internal sealed class DiscoveryAlertConfiguration : IEntityTypeConfiguration<DiscoveryAlert>
{
    public void Configure(EntityTypeBuilder<DiscoveryAlert> b)
    {
        b.ToTable("DiscoveryAlerts");
        b.Property(e => e.Kind).AsText();
        b.Property(e => e.Message).HasMaxLength(1000);
        b.HasIndex(e => e.CreatedAt);
        b.HasIndex(e => e.SentAt);
    }
}
