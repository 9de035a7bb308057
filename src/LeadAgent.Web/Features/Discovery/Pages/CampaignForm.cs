using LeadAgent.Web.Features.Discovery.Campaigns;

namespace LeadAgent.Web.Features.Discovery.Pages;

/// <summary>The campaign form's values: lists as one item per line, limits as numbers.</summary>
public sealed class CampaignForm
{
    public string? Name { get; set; }
    public string? Keywords { get; set; }
    public string? Lists { get; set; }
    public string? Seeds { get; set; }
    public int MaxQueries { get; set; } = 20;
    public int Pages { get; set; } = 1;
    public int PagesPerSite { get; set; } = 8;
    public int NewPerRun { get; set; } = 50;
    public int NewPerDay { get; set; } = 200;
    public int Budget { get; set; } = 1000;
    public string? Schedule { get; set; }
    public string TimeZone { get; set; } = "Europe/Berlin";
    public bool Paused { get; set; }
    public long? Version { get; set; }

    public static CampaignForm Of(CampaignDto c) => new()
    {
        Name = c.Name,
        Keywords = string.Join('\n', c.Keywords),
        Lists = string.Join('\n', c.DirectoryUrls),
        Seeds = string.Join('\n', c.SeedDomains),
        MaxQueries = c.MaxQueriesPerRun,
        Pages = c.ResultPagesPerQuery,
        PagesPerSite = c.MaxPagesPerSite,
        NewPerRun = c.MaxNewPerRun,
        NewPerDay = c.MaxNewPerDay,
        Budget = c.MonthlyQueryBudget,
        Schedule = c.Schedule,
        TimeZone = c.TimeZone,
        Paused = c.Paused,
        Version = c.Version,
    };

    public CampaignInput ToInput(IEnumerable<string> segments, IEnumerable<string> regions) => new()
    {
        Name = Name,
        Segments = [.. segments],
        Regions = [.. regions],
        Keywords = Lines(Keywords),
        DirectoryUrls = Lines(Lists),
        SeedDomains = Lines(Seeds),
        MaxQueriesPerRun = MaxQueries,
        ResultPagesPerQuery = Pages,
        MaxPagesPerSite = PagesPerSite,
        MaxNewPerRun = NewPerRun,
        MaxNewPerDay = NewPerDay,
        MonthlyQueryBudget = Budget,
        Schedule = Schedule ?? "",
        TimeZone = TimeZone,
        Paused = Paused,
        Version = Version,
    };

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
