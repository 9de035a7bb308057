namespace LeadAgent.Web.Features.Discovery.Campaigns;

/// <summary>
/// What a search query has yielded over all runs, so poor queries can be seen and dropped: a dropped query is left
/// out of new runs' plans until someone takes it back.
/// </summary>
public sealed class QueryStat
{
    public const int QueryMax = 300;

    /// <summary>The query as searched, lower case.</summary>
    public required string Query { get; set; }
    public int Runs { get; set; }
    public int Results { get; set; }
    /// <summary>Sites it found that were new to the CRM.</summary>
    public int NewCompanies { get; set; }
    public DateTime LastRunAt { get; set; }
    public bool Dropped { get; set; }
}

/// <summary>A segment's search words, in German and English (editable in the app; defaults until then).</summary>
public sealed class SegmentKeywords
{
    public required string Segment { get; set; }
    public List<string> German { get; set; } = [];
    public List<string> English { get; set; } = [];
}
