using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Discovery.Review;

public enum ResearchState { Pending, Researched, RobotsBlocked, Unreachable, Skipped }

public enum ReviewState { Pending, Accepted, Rejected, Enriched, Held }

/// <summary>
/// A company a run came across (one per run and registrable domain): how it was found, what its site said, whether
/// it is a company the CRM already has, and the team's verdict. <see cref="Profile"/> keeps every fact with its page.
/// </summary>
public sealed class Prospect
{
    public const int TextMax = 500, ReasonMax = 500;

    public Guid Id { get; set; } = Ids.NewV7();
    public Guid RunId { get; set; }
    public Guid? CampaignId { get; set; }
    public required string Domain { get; set; }
    public required string Url { get; set; }
    /// <summary><c>query</c>, <c>list</c>, <c>seed</c> or <c>company</c>: what led to it.</summary>
    public required string FoundBy { get; set; }
    /// <summary>The query text or list URL (or the seed as given).</summary>
    public required string FoundVia { get; set; }
    public string? Title { get; set; }
    public string? Snippet { get; set; }
    public int Rank { get; set; }

    public ResearchState Research { get; set; }
    public string? Outcome { get; set; }
    public int Pages { get; set; }
    public DateTime? ResearchedAt { get; set; }

    // The profile's main values, flat for lists, filters and the CSV export.
    public string? Name { get; set; }
    public string? LegalName { get; set; }
    public string? VatId { get; set; }
    public string? Register { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }
    public string? Segment { get; set; }
    /// <summary>0–100: how well the company fits the ideal customer profile (the review queue's order).</summary>
    public int? FitScore { get; set; }
    /// <summary>0–1: how sure the classifier is of <see cref="Segment"/>.</summary>
    public double? SegmentConfidence { get; set; }
    /// <summary>JSON of the merged site profile: every fact with its page, method and time.</summary>
    public string Profile { get; set; } = "{}";

    public Guid? CompanyId { get; set; }
    public string? MatchEvidence { get; set; }
    public ReviewState Review { get; set; }
    public string? RejectReason { get; set; }
    public string? ReviewedByName { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public Guid? LeadId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A page a prospect's research read: its kind and cleaned text, kept so scoring needs no refetch.</summary>
public sealed class ProspectPage
{
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid ProspectId { get; set; }
    public required string Url { get; set; }
    public required string Kind { get; set; }
    public string? Title { get; set; }
    public string Text { get; set; } = "";
    public DateTime FetchedAt { get; set; }
}

/// <summary>
/// A domain the team turned down: never proposed again; <see cref="Blocked"/> also keeps it out of research and
/// enrichment altogether (the block list).
/// </summary>
public sealed class DomainVerdict
{
    public required string Domain { get; set; }
    public required string Reason { get; set; }
    public bool Blocked { get; set; }
    public required string ByName { get; set; }
    public DateTime At { get; set; }
}
