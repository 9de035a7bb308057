namespace LeadAgent.Web.Features.Policy;

/// <summary>A new entry. List: block (default) or allow; kind: domain, company, contact, email, emaildomain, phone,
/// keyword. Company and contact take the record's id as value; a phone without country code is read in
/// <see cref="Country"/> (Germany when none).</summary>
public sealed record PolicyInput
{
    public string? List { get; init; }
    public string? Kind { get; init; }
    public string? Value { get; init; }
    public string? Reason { get; init; }
    public string? Country { get; init; }
}

public sealed record PolicyQuery(string? List = null, string? Kind = null, string? Q = null);

/// <summary>What an integration asks about; any field may be left out.</summary>
public sealed record PolicyCheckInput(string? Domain = null, Guid? CompanyId = null, Guid? ContactId = null,
    string? Email = null, string? Phone = null, string? Text = null);

public sealed record PolicyEntryDto(Guid Id, PolicyList List, PolicyKind Kind, string Value, string Display,
    string? Label, string Reason, string AuthorName, DateTime CreatedAt)
{
    public static PolicyEntryDto Of(PolicyEntry e) => new(e.Id, e.List, e.Kind, e.Value, Shown(e), e.Label, e.Reason,
        e.AuthorName, e.CreatedAt);

    /// <summary>The value as people read it: a domain in Unicode, a record by its name.</summary>
    public static string Shown(PolicyEntry e) => e.Kind switch
    {
        PolicyKind.Domain or PolicyKind.EmailDomain => Crm.Normalization.DomainName.Display(e.Value),
        PolicyKind.Company or PolicyKind.Contact => e.Label ?? e.Value,
        _ => e.Value,
    };
}

public sealed record PolicyVerdictDto(bool Blocked, string? Why, PolicyEntryDto? Entry)
{
    public static PolicyVerdictDto Of(PolicyVerdict v) =>
        new(v.Blocked, v.Blocked ? v.Why : null, v.Entry is null ? null : PolicyEntryDto.Of(v.Entry));
}
