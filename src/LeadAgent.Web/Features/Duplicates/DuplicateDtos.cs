namespace LeadAgent.Web.Features.Duplicates;

/// <summary>One side of a pair as the review screen shows it.</summary>
public sealed record DuplicateRecord(
    Guid Id,
    string Label,
    bool Archived,
    Dictionary<string, string?> Fields,
    List<string> Tags,
    Dictionary<string, int> Related,
    List<string> Identities);

public sealed record DuplicatePairDto(
    Guid Id,
    DuplicateKind Kind,
    int Confidence,
    List<string> Evidence,
    PairStatus Status,
    DateTime DetectedAt,
    DateTime? ResolvedAt,
    string? ResolvedBy,
    DuplicateRecord A,
    DuplicateRecord B,
    List<FieldLabel> FieldLabels);

public sealed record FieldLabel(string Name, string Label);

public sealed record ScanResult(
    DuplicateKind Kind, int Records, int Candidates, int Opened, int Refreshed, int Closed, double Seconds);

/// <summary>
/// Merge a pair into <paramref name="SurvivorId"/> (A or B). <paramref name="Fields"/> maps a field name to the id of
/// the record whose value to keep; fields not named keep the survivor's value, or take the other's when the
/// survivor's is empty.
/// </summary>
public sealed record MergeRequest(Guid SurvivorId, Dictionary<string, Guid>? Fields);

public sealed record MergeDto(
    Guid Id,
    DuplicateKind Kind,
    Guid SurvivorId,
    string SurvivorLabel,
    Guid LoserId,
    string LoserLabel,
    Dictionary<string, int> Moved,
    DateTime MergedAt,
    string MergedBy,
    DateTime? UndoneAt,
    string? UndoneBy);

public sealed record CompanyCheck(
    string? Name, string? Website, string? Country, string? City, string? Phone, string? VatId);

public sealed record ContactCheck(string? FirstName, string? LastName, Guid? CompanyId, string? Email, string? Phone);

public sealed record LikelyDuplicate(Guid Id, string Label, int Confidence, List<string> Evidence);
