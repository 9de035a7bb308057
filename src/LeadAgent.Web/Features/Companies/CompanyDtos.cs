namespace LeadAgent.Web.Features.Companies;

public sealed record CompanyRow(
    Guid Id, string Name, string? LegalName, string? Website, string? Domain, string? Country, string? City,
    Segment Segment, string? Industry, SizeBand SizeBand, List<string> Tags, Dictionary<string, string> CustomFields,
    List<string> SocialProfiles, int LeadCount, int ContactCount, DateTime CreatedAt, DateTime UpdatedAt,
    DateTime? ArchivedAt, long Version,
    Guid? MergedIntoId = null, int? FitScore = null, Segment? AgentSegment = null)
{
    /// <summary>The segment the app works with: a person's choice, else the agent's judgement.</summary>
    public Segment EffectiveSegment => Segment != Segment.Unknown ? Segment : AgentSegment ?? Segment.Unknown;
}

public sealed record CompanyInput
{
    public string? Name { get; init; }
    public string? LegalName { get; init; }
    public string? Website { get; init; }
    /// <summary>Profile links on social networks; a profile link given as the website is added here.</summary>
    public List<string>? SocialProfiles { get; init; }
    public string? Country { get; init; }
    public string? City { get; init; }
    public Segment? Segment { get; init; }
    public string? Industry { get; init; }
    public SizeBand? SizeBand { get; init; }
    public List<string>? Tags { get; init; }
    /// <summary>Custom field values by key; omitted keeps the current ones, a blank value removes one.</summary>
    public Dictionary<string, string>? CustomFields { get; init; }
    public long? Version { get; init; }
}

public sealed record CompanyListQuery
{
    public string? Q { get; init; }
    public Segment? Segment { get; init; }
    public string? Country { get; init; }
    public string? Tag { get; init; }
    public bool? IncludeArchived { get; init; }
    /// <summary>A column ("name", "-createdAt"; a leading "-" sorts descending).</summary>
    public string? Sort { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}
