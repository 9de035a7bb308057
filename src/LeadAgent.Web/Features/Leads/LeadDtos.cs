using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Leads;

/// <summary>
/// A lead as lists and the API show it. Two rows are equal when they are the same lead: a table keyed by its rows
/// then keeps a row's elements, and the keyboard's focus, when a saved copy replaces it.
/// </summary>
public sealed record LeadRow(
    Guid Id, string Title, LeadStatus Status, string? OwnerId, string? OwnerName, LeadSource Source, int? Score,
    Classification? Classification, decimal? ExpectedValue, string Currency, DateOnly? NextActionOn,
    Guid CompanyId, string CompanyName, Segment Segment, string? Country,
    Guid? PrimaryContactId, string? PrimaryContactName,
    List<string> Tags, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ArchivedAt, long Version,
    int CompanyOrderCount, DateOnly? CompanyLastOrderOn, decimal CompanyOrderTotal,
    Dictionary<string, string> CustomFields,
    decimal? CompanyPotential)
{
    public bool Equals(LeadRow? other) => other is not null && other.Id == Id;

    public override int GetHashCode() => Id.GetHashCode();
}

/// <summary>Create or replace a lead. On update, <see cref="Version"/> must be the version that was read.</summary>
public sealed record LeadInput
{
    public string? Title { get; init; }
    public Guid? CompanyId { get; init; }
    public Guid? PrimaryContactId { get; init; }
    public LeadStatus? Status { get; init; }
    public string? OwnerId { get; init; }
    public LeadSource? Source { get; init; }
    /// <summary>Ignored: the score is computed by LeadAgent from the score weights (read it from the lead).</summary>
    public int? Score { get; init; }
    /// <summary>Ignored: the band follows the computed score.</summary>
    public Classification? Classification { get; init; }
    public decimal? ExpectedValue { get; init; }
    public string? Currency { get; init; }
    public DateOnly? NextActionOn { get; init; }
    public List<string>? Tags { get; init; }
    /// <summary>Custom field values by key; omitted keeps the current ones, a blank value removes one.</summary>
    public Dictionary<string, string>? CustomFields { get; init; }
    public long? Version { get; init; }
}
