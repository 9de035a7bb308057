namespace LeadAgent.Web.Data;

/// <summary>An editable record: Guid v7 id, UTC timestamps and an optimistic-concurrency version.</summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Ids.NewV7();
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Incremented on every save; a stale edit fails instead of overwriting.</summary>
    public long Version { get; set; }
}

/// <summary>
/// Changes to this record are written to the activity log, filed under <see cref="AuditType"/>/<see cref="AuditId"/>.
/// </summary>
public interface IAudited
{
    /// <summary>The record the entry belongs to on a timeline (a note belongs to its lead, for example).</summary>
    string AuditType { get; }
    Guid AuditId { get; }
    /// <summary>Short human label, e.g. the company name.</summary>
    string AuditLabel { get; }
}

/// <summary>A record whose creation has its own name on a timeline ("call-logged" rather than "note-added").</summary>
public interface INamedCreation
{
    string? CreatedAction { get; }
}

/// <summary>
/// A record an import can create. The import is named on the record rather than in an activity entry per record:
/// its timeline shows the creation from this id and the run (a 100,000-row lead file would otherwise add 280,000
/// entries).
/// </summary>
public interface IImported
{
    /// <summary>The import run that created this record; null when it was made any other way.</summary>
    Guid? ImportRunId { get; set; }
}

/// <summary>Hidden from lists when archived; restorable.</summary>
public interface IArchivable
{
    Guid Id { get; }
    DateTime? ArchivedAt { get; set; }
}
