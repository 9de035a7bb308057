using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Discovery.Campaigns;

/// <summary>
/// What the agent looks for and how much it may spend: sources (generated search queries, directory lists, seed
/// domains), the segments and regions that make the queries, limits per run, day and month, and a schedule.
/// </summary>
public sealed class Campaign : Entity, IAudited
{
    public const int NameMax = 200, ItemMax = 500, ItemsMax = 200, TimeZoneMax = 64, CronMax = 100;

    public required string Name { get; set; }
    /// <summary>Segments (<c>EventAgency</c>, …) whose keywords make the queries.</summary>
    public List<string> Segments { get; set; } = [];
    /// <summary>ISO countries (DE, AT, CH, GB, AE): each query names a place in one of them.</summary>
    public List<string> Regions { get; set; } = [];
    /// <summary>Extra search terms of this campaign, searched in each region like the segments' keywords.</summary>
    public List<string> Keywords { get; set; } = [];
    /// <summary>Pages listing companies (exhibitors, members, a directory category): pagination is followed.</summary>
    public List<string> DirectoryUrls { get; set; } = [];
    /// <summary>Domains or URLs to research directly.</summary>
    public List<string> SeedDomains { get; set; } = [];
    /// <summary>The search provider (<c>searxng</c>, <c>brave</c>, …); null for the configured default.</summary>
    public string? Provider { get; set; }

    public int MaxQueriesPerRun { get; set; } = 20;
    public int ResultPagesPerQuery { get; set; } = 1;
    public int MaxPagesPerSite { get; set; } = 8;
    public int MaxNewPerRun { get; set; } = 50;
    public int MaxNewPerDay { get; set; } = 200;
    /// <summary>The provider's units (queries or credits) this campaign may spend in a calendar month.</summary>
    public int MonthlyQueryBudget { get; set; } = 1000;
    /// <summary>Alert when this many runs in a row found no new company (0: never).</summary>
    public int AlertAfterEmptyRuns { get; set; } = 3;

    /// <summary>Cron (5 fields, or 6 with seconds) read in <see cref="TimeZone"/>; null: started by hand.</summary>
    public string? Schedule { get; set; }
    public string TimeZone { get; set; } = "Europe/Berlin";
    public bool Paused { get; set; }
    /// <summary>When the scheduler starts the next run (UTC); null without a schedule or while paused.</summary>
    public DateTime? NextRunAt { get; set; }

    string IAudited.AuditType => nameof(Campaign);
    Guid IAudited.AuditId => Id;
    string IAudited.AuditLabel => Name;
}
