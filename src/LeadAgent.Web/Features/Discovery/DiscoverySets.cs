using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Alerts;
using LeadAgent.Web.Features.Discovery.Campaigns;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Discovery.Runs;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery;

/// <summary>This feature's tables on the one context (declared here, so the context knows no feature).</summary>
public static class DiscoverySets
{
    extension(AppDbContext db)
    {
        public DbSet<Campaign> Campaigns => db.Set<Campaign>();
        public DbSet<DiscoveryRun> DiscoveryRuns => db.Set<DiscoveryRun>();
        public DbSet<Prospect> Prospects => db.Set<Prospect>();
        public DbSet<ProspectPage> ProspectPages => db.Set<ProspectPage>();
        public DbSet<DomainVerdict> DomainVerdicts => db.Set<DomainVerdict>();
        public DbSet<QueryStat> QueryStats => db.Set<QueryStat>();
        public DbSet<SegmentKeywords> SegmentKeywords => db.Set<SegmentKeywords>();
        public DbSet<DiscoveryAlert> DiscoveryAlerts => db.Set<DiscoveryAlert>();
    }
}
