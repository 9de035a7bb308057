namespace LeadAgent.Web.Features.Contacts;

public sealed record IdentityDto(IdentityKind Kind, string Value, string? Label, bool IsPrimary);

public sealed record ContactRow(
    Guid Id,
    string FirstName,
    string? LastName,
    string FullName,
    string? Role,
    Guid? CompanyId,
    string? CompanyName,
    List<IdentityDto> Identities,
    List<string> Tags,
    Dictionary<string, string> CustomFields,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? ArchivedAt,
    long Version,
    Guid? MergedIntoId = null);

public sealed record IdentityInput(IdentityKind? Kind, string? Value, string? Label = null, bool IsPrimary = false);

public sealed record ContactInput
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Role { get; init; }
    public Guid? CompanyId { get; init; }
    public List<IdentityInput>? Identities { get; init; }
    public List<string>? Tags { get; init; }
    /// <summary>Custom field values by key; omitted keeps the current ones, a blank value removes one.</summary>
    public Dictionary<string, string>? CustomFields { get; init; }
    public long? Version { get; init; }
}

public sealed record ContactListQuery
{
    public string? Q { get; init; }
    public Guid? CompanyId { get; init; }
    public bool? IncludeArchived { get; init; }
    /// <summary>A column ("name", "-createdAt"; a leading "-" sorts descending).</summary>
    public string? Sort { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}
