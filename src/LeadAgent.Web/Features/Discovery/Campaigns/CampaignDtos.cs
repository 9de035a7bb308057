namespace LeadAgent.Web.Features.Discovery.Campaigns;

public sealed record CampaignInput
{
    public string? Name { get; init; }
    public List<string>? Segments { get; init; }
    public List<string>? Regions { get; init; }
    public List<string>? Keywords { get; init; }
    public List<string>? DirectoryUrls { get; init; }
    public List<string>? SeedDomains { get; init; }
    public string? Provider { get; init; }
    public int? MaxQueriesPerRun { get; init; }
    public int? ResultPagesPerQuery { get; init; }
    public int? MaxPagesPerSite { get; init; }
    public int? MaxNewPerRun { get; init; }
    public int? MaxNewPerDay { get; init; }
    public int? MonthlyQueryBudget { get; init; }
    public int? AlertAfterEmptyRuns { get; init; }
    /// <summary>Cron, 5 fields (or 6 with seconds); empty: no schedule.</summary>
    public string? Schedule { get; init; }
    /// <summary>IANA time zone the schedule is read in, e.g. <c>Europe/Berlin</c>.</summary>
    public string? TimeZone { get; init; }
    public bool? Paused { get; init; }
    public long? Version { get; init; }
}

public sealed record CampaignDto(Guid Id, string Name, List<string> Segments, List<string> Regions,
    List<string> Keywords, List<string> DirectoryUrls, List<string> SeedDomains, string? Provider,
    int MaxQueriesPerRun, int ResultPagesPerQuery, int MaxPagesPerSite, int MaxNewPerRun, int MaxNewPerDay,
    int MonthlyQueryBudget, int AlertAfterEmptyRuns, string? Schedule, string TimeZone, bool Paused,
    DateTime? NextRunAt, DateTime CreatedAt, DateTime UpdatedAt, long Version)
{
    public static CampaignDto Of(Campaign c) => new(c.Id, c.Name, c.Segments, c.Regions, c.Keywords,
        c.DirectoryUrls, c.SeedDomains, c.Provider, c.MaxQueriesPerRun, c.ResultPagesPerQuery, c.MaxPagesPerSite,
        c.MaxNewPerRun, c.MaxNewPerDay, c.MonthlyQueryBudget, c.AlertAfterEmptyRuns, c.Schedule, c.TimeZone, c.Paused,
        c.NextRunAt, c.CreatedAt, c.UpdatedAt, c.Version);
}

/// <summary>A segment's search words as shown and edited.</summary>
public sealed record SegmentKeywordsDto(string Segment, List<string> German, List<string> English);

/// <summary>A query's yield, for seeing and dropping poor queries.</summary>
public sealed record QueryStatDto(string Query, int Runs, int Results, int NewCompanies, double Yield,
    DateTime LastRunAt, bool Dropped);
