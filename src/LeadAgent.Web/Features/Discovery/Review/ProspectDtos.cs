using LeadAgent.Web.Features.Discovery.Extraction;

namespace LeadAgent.Web.Features.Discovery.Review;

public sealed record ProspectRow(Guid Id, Guid RunId, Guid? CampaignId, string Domain, string Url, string FoundBy,
    string FoundVia, string? Title, string? Snippet, int Rank, ResearchState Research, string? Outcome, int Pages,
    string? Name, string? LegalName, string? VatId, string? Register, string? Phone, string? Email, string? Country,
    string? City, string? Segment, Guid? CompanyId, string? MatchEvidence, ReviewState Review, string? RejectReason,
    string? ReviewedByName, DateTime? ReviewedAt, Guid? LeadId, DateTime CreatedAt, DateTime? ResearchedAt,
    int? FitScore = null, double? SegmentConfidence = null)
{
    public static ProspectRow Of(Prospect p) => new(p.Id, p.RunId, p.CampaignId, p.Domain, p.Url, p.FoundBy,
        p.FoundVia, p.Title, p.Snippet, p.Rank, p.Research, p.Outcome, p.Pages, p.Name, p.LegalName, p.VatId,
        p.Register, p.Phone, p.Email, p.Country, p.City, p.Segment, p.CompanyId, p.MatchEvidence, p.Review,
        p.RejectReason, p.ReviewedByName, p.ReviewedAt, p.LeadId, p.CreatedAt, p.ResearchedAt, p.FitScore,
        p.SegmentConfidence);
}

/// <summary>A page research read, with the start of its kept text.</summary>
public sealed record ProspectPageRow(string Url, string Kind, string? Title, string Excerpt, DateTime FetchedAt);

/// <summary>A prospect with its evidence: every fact with its page and method, and the pages read.</summary>
public sealed record ProspectDetail(ProspectRow Prospect, IReadOnlyList<Fact> Facts, IReadOnlyList<string> Socials,
    IReadOnlyList<string> Directors, IReadOnlyList<string> People, string? Description,
    IReadOnlyList<ProspectPageRow> PagesRead);

public sealed record ProspectQuery
{
    /// <summary>pending (the default), accepted, rejected, enriched, held, or all.</summary>
    public string? Review { get; init; }
    public Guid? RunId { get; init; }
    public Guid? CampaignId { get; init; }
    /// <summary>Part of the domain or name.</summary>
    public string? Q { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

public sealed record RejectInput(string? Reason, bool? Block);

public sealed record AcceptResult(ProspectRow Prospect, Guid CompanyId, Guid LeadId);

public sealed record DomainVerdictDto(string Domain, string Reason, bool Blocked, string ByName, DateTime At);

public sealed record BlockInput(string? Domain, string? Reason);
