using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Contacts;

public sealed class Contact : Entity, IAudited, IArchivable, IImported
{
    public Guid? CompanyId { get; set; }
    public Company? Company { get; set; }
    public required string FirstName { get; set; }
    public string? LastName { get; set; }
    /// <summary>Job title or role at the company.</summary>
    public string? Role { get; set; }
    public List<ContactIdentity> Identities { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    /// <summary>The contact's id in the system it was imported from.</summary>
    public string? ExternalId { get; set; }
    public DateTime? ArchivedAt { get; set; }
    public Guid? ImportRunId { get; set; }
    /// <summary>Set when this record was merged into another (and archived); cleared by undo.</summary>
    public Guid? MergedIntoId { get; set; }

    public string FullName => string.IsNullOrWhiteSpace(LastName) ? FirstName : $"{FirstName} {LastName}";

    string IAudited.AuditType => nameof(Contact);
    Guid IAudited.AuditId => Id;
    string IAudited.AuditLabel => FullName;
}
