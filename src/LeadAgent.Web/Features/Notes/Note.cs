using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Notes;

public enum NoteSubject { Lead, Company, Contact }

/// <summary>An internal Markdown note on a lead, company or contact; logged on its subject's timeline.</summary>
public sealed class Note : Entity, IAudited
{
    public const int BodyMax = 20000, AuthorNameMax = 256;

    public NoteSubject SubjectType { get; set; }
    public Guid SubjectId { get; set; }
    public required string Body { get; set; }
    public string? AuthorId { get; set; }
    public string? AuthorName { get; set; }

    string IAudited.AuditType => SubjectType.ToString();
    Guid IAudited.AuditId => SubjectId;
    string IAudited.AuditLabel => Body.Length > 80 ? Body[..80] + "…" : Body;
}
