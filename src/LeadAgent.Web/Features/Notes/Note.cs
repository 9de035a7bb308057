using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Notes;

public enum NoteSubject { Lead, Company, Contact }

/// <summary>A plain note, or an activity with the customer that someone logs: a call, a meeting, an e-mail.</summary>
public enum NoteKind { Note, Call, Meeting, Email }

/// <summary>
/// An internal Markdown note on a lead, company or contact, or a logged activity (call, meeting, e-mail) with its
/// outcome and when it happened; logged on its subject's timeline ("call-logged", …).
/// </summary>
public sealed class Note : Entity, IAudited, INamedCreation
{
    public const int BodyMax = 20000, AuthorNameMax = 256, OutcomeMax = 100;

    public NoteKind Kind { get; set; }
    /// <summary>What came of an activity ("reached, wants a quote"); null for a plain note.</summary>
    public string? Outcome { get; set; }
    /// <summary>When the activity took place (UTC); a plain note's time is its creation.</summary>
    public DateTime? OccurredAt { get; set; }

    public NoteSubject SubjectType { get; set; }
    public Guid SubjectId { get; set; }
    public required string Body { get; set; }
    public string? AuthorId { get; set; }
    public string? AuthorName { get; set; }

    string IAudited.AuditType => SubjectType.ToString();
    Guid IAudited.AuditId => SubjectId;
    string IAudited.AuditLabel => Body.Length > 80 ? Body[..80] + "…" : Body;

    string? INamedCreation.CreatedAction =>
        Kind == NoteKind.Note ? null : $"{Kind.ToString().ToLowerInvariant()}-logged";
}
