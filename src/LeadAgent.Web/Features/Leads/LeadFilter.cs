using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Leads;

/// <summary>
/// Everything the lead list can be filtered by. Shared by the API, the UI, saved views and bulk operations.
/// </summary>
public sealed record LeadFilter
{
    public List<LeadStatus>? Status { get; init; }
    /// <summary>A user id, "me" or "none" (unassigned).</summary>
    public string? Owner { get; init; }
    public int? ScoreMin { get; init; }
    public int? ScoreMax { get; init; }
    public List<LeadSource>? Source { get; init; }
    public List<Classification>? Classification { get; init; }
    public List<Segment>? Segment { get; init; }
    public string? Country { get; init; }
    public string? Tag { get; init; }
    /// <summary>Free text: lead title, company name or domain, contact name.</summary>
    public string? Q { get; init; }
    public Guid? ListId { get; init; }
    public Guid? CompanyId { get; init; }
    /// <summary>The leads whose primary contact this is.</summary>
    public Guid? ContactId { get; init; }
    /// <summary>Leads this import run created.</summary>
    public Guid? ImportRunId { get; init; }
    /// <summary>The lead's company has (true) or has not (false) ordered before.</summary>
    public bool? HasOrders { get; init; }
    public int? OrderCountMin { get; init; }
    /// <summary>The company's last order was before this date (reorder reminders).</summary>
    public DateOnly? LastOrderBefore { get; init; }
    /// <summary>The company's expected annual order value (CompanyFits) is at least this much.</summary>
    public decimal? PotentialMin { get; init; }
    public bool IncludeArchived { get; init; }
    /// <summary>Conditions on custom fields (the query string's <c>cf.{key}</c> parameters).</summary>
    public List<CustomFieldCondition>? Custom { get; init; }

    public void Validate(Errors errors)
    {
        CustomFieldFilter.Validate(Custom, errors);
        if (ScoreMin is < 0 or > 100)
        {
            errors.Add("scoreMin", "Must be between 0 and 100.");
        }
        if (ScoreMax is < 0 or > 100)
        {
            errors.Add("scoreMax", "Must be between 0 and 100.");
        }
        if (ScoreMin > ScoreMax)
        {
            errors.Add("scoreMax", "Must not be below scoreMin.");
        }
        if (OrderCountMin is < 0)
        {
            errors.Add("orderCountMin", "Must be 0 or more.");
        }
        if (PotentialMin is < 0)
        {
            errors.Add("potentialMin", "Must be 0 or more.");
        }
        errors.Optional("q", Q, 200);
        errors.Optional("tag", Tag, 50);
        if (Country is { Length: not 2 })
        {
            errors.Add("country", "Must be a two-letter ISO country code.");
        }
        // JSON filters (bulk, saved views) may carry enum numbers that name no value.
        Defined(errors, "status", Status);
        Defined(errors, "source", Source);
        Defined(errors, "classification", Classification);
        Defined(errors, "segment", Segment);
    }

    private static void Defined<T>(Errors errors, string field, List<T>? values) where T : struct, Enum
    {
        if (values?.FirstOrDefault(v => !Enum.IsDefined(v)) is { } bad && !Enum.IsDefined(bad))
        {
            errors.Add(field, $"'{bad}' is not one of: {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }
}

/// <summary>Query-string form of <see cref="LeadFilter"/> for GET /api/v1/leads (lists are comma-separated).</summary>
public sealed class LeadListQuery
{
    public string? Status { get; set; }
    public string? Owner { get; set; }
    public int? ScoreMin { get; set; }
    public int? ScoreMax { get; set; }
    public string? Source { get; set; }
    public string? Classification { get; set; }
    public string? Segment { get; set; }
    public string? Country { get; set; }
    public string? Tag { get; set; }
    public string? Q { get; set; }
    public Guid? ListId { get; set; }
    public Guid? CompanyId { get; set; }
    public Guid? ContactId { get; set; }
    /// <summary>Only the leads this import run created.</summary>
    public Guid? ImportRunId { get; set; }
    public bool? HasOrders { get; set; }
    public int? OrderCountMin { get; set; }
    public DateOnly? LastOrderBefore { get; set; }
    public decimal? PotentialMin { get; set; }
    public bool? IncludeArchived { get; set; }
    /// <summary>
    /// score, createdAt, updatedAt, title, expectedValue, nextActionOn, lastOrderOn, orderTotal, orderCount,
    /// potential (the company's expected annual order value);
    /// prefix "-" for descending. Default "-score".
    /// </summary>
    public string? Sort { get; set; }
    public int? Limit { get; set; }
    public string? Cursor { get; set; }
    /// <summary>
    /// Also count the matching leads (default true): up to <c>Limits:TotalCap</c> (1,000), then
    /// <c>totalCapped</c> says there are more.
    /// </summary>
    public bool? IncludeTotal { get; set; }
    /// <summary>Count every match however many there are (slower on large sets; subject to the time limit).</summary>
    public bool? ExactTotal { get; set; }

    public LeadFilter ToFilter(Errors errors) => new()
    {
        Status = ParseList<LeadStatus>("status", Status, errors),
        Owner = string.IsNullOrWhiteSpace(Owner) ? null : Owner.Trim(),
        ScoreMin = ScoreMin,
        ScoreMax = ScoreMax,
        Source = ParseList<LeadSource>("source", Source, errors),
        Classification = ParseList<Leads.Classification>("classification", Classification, errors),
        Segment = ParseList<Companies.Segment>("segment", Segment, errors),
        Country = Country?.Trim().ToUpperInvariant(),
        Tag = Tag?.Trim(),
        Q = Q,
        ListId = ListId,
        CompanyId = CompanyId,
        ContactId = ContactId,
        ImportRunId = ImportRunId,
        HasOrders = HasOrders,
        OrderCountMin = OrderCountMin,
        LastOrderBefore = LastOrderBefore,
        PotentialMin = PotentialMin,
        IncludeArchived = IncludeArchived ?? false,
    };

    private static List<T>? ParseList<T>(string field, string? text, Errors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var result = new List<T>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<T>(part, ignoreCase: true, out var value)
                && Enum.IsDefined(value)
                && !int.TryParse(part, out _))
            {
                result.Add(value);
            }
            else
            {
                errors.Add(field, $"'{part}' is not one of: {string.Join(", ", Enum.GetNames<T>())}.");
            }
        }
        return result;
    }
}
