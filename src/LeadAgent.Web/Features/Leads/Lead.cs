using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Web.Features.Leads;

public enum LeadStatus { New, Contacted, Qualified, Proposal, Won, Lost, Disqualified }

public enum LeadSource { Manual, Import, Discovery, InboundMessage, Referral }

public enum Classification { Cold, Warm, Hot }

/// <summary>A sales opportunity around a company and, optionally, its primary contact.</summary>
public sealed class Lead : Entity, IAudited, IArchivable, IImported
{
    public required string Title { get; set; }
    public Guid CompanyId { get; set; }
    public Company? Company { get; set; }
    public Guid? PrimaryContactId { get; set; }
    public Contact? PrimaryContact { get; set; }
    public LeadStatus Status { get; set; }
    public string? OwnerId { get; set; }
    public AppUser? Owner { get; set; }
    public LeadSource Source { get; set; }
    /// <summary>0–100, filled by the scoring engine; null until scored.</summary>
    public int? Score { get; set; }
    public Classification? Classification { get; set; }
    public decimal? ExpectedValue { get; set; }
    /// <summary>ISO 4217, upper case.</summary>
    public string Currency { get; set; } = "EUR";
    public DateOnly? NextActionOn { get; set; }
    public List<string> Tags { get; set; } = [];
    /// <summary>The lead's id in the system it was imported from.</summary>
    public string? ExternalId { get; set; }
    public DateTime StatusChangedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
    public Guid? ImportRunId { get; set; }

    string IAudited.AuditType => nameof(Lead);
    Guid IAudited.AuditId => Id;
    string IAudited.AuditLabel => Title;
}
