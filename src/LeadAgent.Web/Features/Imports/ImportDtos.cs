namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// How to read and apply a file. Everything but the kind is optional: detected, remembered or defaulted.
/// </summary>
public sealed record ImportSettings(
    ImportKind? Kind,
    ImportMode? Mode = null,
    MatchKey? MatchKey = null,
    string? DefaultCountry = null,
    string? Encoding = null,
    string? Delimiter = null,
    bool? HasHeader = null,
    Dictionary<string, int>? Mapping = null,
    List<NewCustomFieldColumn>? NewCustomFields = null);

public sealed record ImportPreview(
    string FileName,
    long FileSize,
    ImportKind Kind,
    string Encoding,
    string Delimiter,
    bool HasHeader,
    List<string> Headers,
    Dictionary<string, int> Mapping,
    bool MappingRemembered,
    IReadOnlyList<ImportField> Fields,
    IReadOnlyList<MatchKey> MatchKeys,
    ImportMode Mode,
    MatchKey MatchKey,
    int TotalRows,
    List<PreviewRow> Rows,
    List<UnmappedColumn> Unmapped);

/// <summary>A sample row and what importing it would do now.</summary>
public sealed record PreviewRow(int Number, string[] Values, RowOutcome Outcome, string? Message);

public sealed record ImportRunDto(
    Guid Id,
    ImportKind Kind,
    ImportStatus Status,
    string FileName,
    long FileSize,
    ImportMode Mode,
    MatchKey MatchKey,
    string? DefaultCountry,
    string Encoding,
    string Delimiter,
    bool HasHeader,
    List<string> Headers,
    Dictionary<string, int> Mapping,
    int TotalRows,
    int RowsDone,
    int Created,
    int Updated,
    int Unchanged,
    int Skipped,
    int Rejected,
    double RowsPerSecond,
    string CreatedBy,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    string? Error,
    bool CancelRequested,
    int? DuplicatesFound = null)
{
    public bool IsFinished => Status is ImportStatus.Completed or ImportStatus.Failed or ImportStatus.Cancelled;
    public int Percent => TotalRows == 0 ? (IsFinished ? 100 : 0) : (int)(100L * RowsDone / TotalRows);
}

public sealed record ImportRowIssueDto(int RowNumber, RowOutcome Outcome, string Message, string[] Values);
