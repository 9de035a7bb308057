using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Work;

namespace LeadAgent.Web.Features.Imports;

public enum ImportKind { Companies, Contacts, Leads, Orders }

public enum ImportMode { CreateOnly, CreateOrUpdate, UpdateOnly }

public enum MatchKey { Domain, Email, Phone, ExternalId }

public enum ImportStatus { Queued, Running, Completed, Failed, Cancelled }

public enum RowOutcome { Created, Updated, Unchanged, Skipped, Rejected }

/// <summary>
/// One import: its file, settings and progress. Progress is committed in the same transaction as the rows it counts,
/// so after a crash <see cref="RowsDone"/> says exactly where to resume. Workers claim a run with a lease.
/// </summary>
public sealed class ImportRun : ILeased<Guid>
{
    public Guid Id { get; set; } = Ids.NewV7();
    public ImportKind Kind { get; set; }
    public ImportStatus Status { get; set; }
    public required string FileName { get; set; }
    public long FileSize { get; set; }
    public ImportMode Mode { get; set; }
    public MatchKey MatchKey { get; set; }
    /// <summary>ISO country used for phone numbers written without a country code.</summary>
    public string? DefaultCountry { get; set; }
    public required string Encoding { get; set; }
    public char Delimiter { get; set; }
    public bool HasHeader { get; set; }
    /// <summary>JSON array of the file's column headers (or "Column 1", … without a header).</summary>
    public required string Headers { get; set; }
    /// <summary>JSON object: field name → column index.</summary>
    public required string Mapping { get; set; }

    public int TotalRows { get; set; }
    public int RowsDone { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int Rejected { get; set; }

    public string? CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>
    /// Seconds spent processing, for the rows-per-second figure (excludes time queued or between leases).
    /// </summary>
    public double ElapsedSeconds { get; set; }
    public string? Error { get; set; }
    /// <summary>Likely duplicates the scan after the import put in the review queue (null until it ran).</summary>
    public int? DuplicatesFound { get; set; }
    public bool CancelRequested { get; set; }

    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }

    /// <summary>Who the run's changes are logged as: "anna@example.com (import leads.csv)".</summary>
    public static string ActorName(string createdByName, string fileName)
    {
        var name = $"{createdByName} (import {fileName})";
        return name.Length > 256 ? name[..256] : name;
    }
}

/// <summary>The uploaded file, kept apart so status polls do not load it.</summary>
public sealed class ImportFile
{
    public Guid RunId { get; set; }
    public required byte[] Content { get; set; }
}

/// <summary>
/// A row that was rejected or skipped, with its original values so it can be downloaded, fixed and re-imported.
/// </summary>
public sealed class ImportRowIssue
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    /// <summary>1-based data row number (the header is not counted).</summary>
    public int RowNumber { get; set; }
    public RowOutcome Outcome { get; set; }
    public required string Message { get; set; }
    /// <summary>JSON array of the row's raw values.</summary>
    public required string Values { get; set; }
}

/// <summary>
/// The column mapping last used for a set of headers, offered again when the same layout is uploaded.
/// </summary>
public sealed class ImportMappingMemory
{
    public Guid Id { get; set; } = Ids.NewV7();
    public ImportKind Kind { get; set; }
    /// <summary>SHA-256 of the normalised header row.</summary>
    public required string HeaderKey { get; set; }
    public required string Mapping { get; set; }
    public DateTime UpdatedAt { get; set; }
}
