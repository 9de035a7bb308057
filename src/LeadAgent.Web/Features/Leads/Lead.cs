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
    public const int TitleMax = 200, CurrencyLength = 3, ExternalIdMax = 100, ScoreMax = 100;
    public const decimal ExpectedValueMax = 1_000_000_000_000m;
    /// <summary>The currency of a lead that names none, where no configured default applies (imports, inbox).</summary>
    public const string DefaultCurrency = "EUR";

    /// <summary>
    /// A new lead at the company, status <see cref="LeadStatus.New"/> as of <paramref name="now"/>; a title over
    /// <see cref="TitleMax"/> is cut (validate first where that is an error).
    /// </summary>
    public static Lead Open(string title, Guid companyId, LeadSource source, DateTime now,
        string currency = DefaultCurrency) => new()
        {
            Title = RecordText.Fit(title, TitleMax),
            CompanyId = companyId,
            Source = source,
            Status = LeadStatus.New,
            StatusChangedAt = now,
            Currency = currency,
        };

    /// <summary>Moves the lead to the status; the time of the change is kept only when it really changes.</summary>
    public bool SetStatus(LeadStatus status, DateTime now)
    {
        if (status == Status)
        {
            return false;
        }
        Status = status;
        StatusChangedAt = now;
        return true;
    }

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
    public string Currency { get; set; } = DefaultCurrency;
    public DateOnly? NextActionOn { get; set; }
    public List<string> Tags { get; set; } = [];
    /// <summary>Values of the lead's custom fields by key (see <c>CustomFields</c>).</summary>
    public Dictionary<string, string> CustomFields { get; set; } = [];
    /// <summary>The lead's id in the system it was imported from.</summary>
    public string? ExternalId { get; set; }
    public DateTime StatusChangedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
    public Guid? ImportRunId { get; set; }

    string IAudited.AuditType => nameof(Lead);
    Guid IAudited.AuditId => Id;
    string IAudited.AuditLabel => Title;
}
