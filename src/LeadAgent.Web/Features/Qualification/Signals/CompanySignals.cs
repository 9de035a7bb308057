using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Qualification.Signals;

/// <summary>
/// What the brain knows of one company to judge it: CRM fields and the text its website gave (the latest research,
/// kept by discovery), with the segment words the extractor found. A person's segment is the label, when there is one.
/// </summary>
public sealed record CompanySignals(
    Guid CompanyId,
    string Name,
    string? Domain,
    string? Country,
    string? City,
    string? Industry,
    SizeBand Size,
    IReadOnlyList<string> Tags,
    /// <summary>The site's cleaned text (home, about, imprint…), capped; empty when never researched.</summary>
    string SiteText,
    string? SiteTitle,
    string? SiteDescription,
    /// <summary>"de", "en" or null.</summary>
    string? Language,
    /// <summary>Segment names the extractor's keyword scan found on the site.</summary>
    IReadOnlyList<string> SegmentHits,
    /// <summary>Number of employees when the site said.</summary>
    int? Employees,
    /// <summary>The segment a person chose; null when none (or the agent chose it).</summary>
    Segment? Label,
    int OrderCount,
    decimal OrderTotal,
    DateOnly? LastOrderOn);
