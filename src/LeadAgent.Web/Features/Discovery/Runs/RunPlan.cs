using System.Text.Json;
using LeadAgent.Web.Features.Discovery.Campaigns;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>
/// What a run will do, fixed when it is queued so a resumed run does the same work: its queries, directory lists,
/// seed sites and limits, and the words that mark each segment on a site.
/// </summary>
public sealed record RunPlan(
    IReadOnlyList<PlannedQuery> Queries,
    IReadOnlyList<string> Lists,
    IReadOnlyList<string> Seeds,
    string? Provider,
    int ResultPages,
    int PagesPerSite,
    int MaxNew,
    int MaxNewPerDay,
    int MonthlyBudget,
    IReadOnlyDictionary<string, IReadOnlyList<string>> SegmentWords,
    IReadOnlyList<string> Regions)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RunPlan FromJson(string json) => JsonSerializer.Deserialize<RunPlan>(json, Json)!;

    /// <summary>A run that only researches the given sites ("research this company", the CLI's enrich).</summary>
    public static RunPlan ForSites(IReadOnlyList<string> seeds, int pagesPerSite,
        IReadOnlyDictionary<string, IReadOnlyList<string>> segmentWords) =>
        new([], [], seeds, null, 0, pagesPerSite, int.MaxValue, int.MaxValue, 0, segmentWords, []);
}
