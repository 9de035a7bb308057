using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Qualification;

namespace LeadAgent.Web.Features.Companies;

/// <summary>The supplier's customer segments; <see cref="NotAFit"/> marks a company that is none of them.</summary>
public enum Segment { Unknown, EventAgency, CorporateClient, BrandOwner, Reseller, NotAFit }

public enum SizeBand { Unknown, Micro, Small, Medium, Large, Enterprise }

/// <summary>
/// A client or prospect. Its limits are the EF mapping's and every writer's (API, import, inbox, merge).
/// </summary>
public sealed class Company : Entity, IAudited, IArchivable, IImported
{
    public const int NameMax = 200, LegalNameMax = 200, WebsiteMax = 500, DomainMax = 253, CountryLength = 2;
    public const int CityMax = 100, IndustryMax = 100, PhoneMax = 20, RegistrationIdMax = 50, ExternalIdMax = 100;
    public const int SocialProfilesMax = 20;

    /// <summary>
    /// A new company; a name over <see cref="NameMax"/> is cut (validate first where that is an error).
    /// </summary>
    public static Company Named(string name) => new() { Name = RecordText.Fit(name, NameMax) };

    public required string Name { get; set; }
    public string? LegalName { get; set; }
    public string? Website { get; set; }
    /// <summary>
    /// Registrable domain derived from <see cref="Website"/>, A-label (punycode) form; unique when present.
    /// </summary>
    public string? Domain { get; set; }
    /// <summary>
    /// Links to the company's profiles on social networks (Facebook, LinkedIn, …): never its website or domain.
    /// </summary>
    public List<string> SocialProfiles { get; set; } = [];
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string? Country { get; set; }
    public string? City { get; set; }
    /// <summary>
    /// The segment a person chose (Unknown: none). The brain never writes it: its own judgement is in
    /// <c>CompanyFit</c>, and a person's choice wins over it and is training data for the classifier.
    /// </summary>
    public Segment Segment { get; set; }
    public string? Industry { get; set; }
    public SizeBand SizeBand { get; set; }
    public List<string> Tags { get; set; } = [];
    /// <summary>Values of the company's custom fields by key (see <c>CustomFields</c>).</summary>
    public Dictionary<string, string> CustomFields { get; set; } = [];
    /// <summary>Main phone number, E.164.</summary>
    public string? Phone { get; set; }
    /// <summary>VAT or commercial register number, as given (upper case, no spaces).</summary>
    public string? RegistrationId { get; set; }
    /// <summary>The company's id in the system it was imported from.</summary>
    public string? ExternalId { get; set; }
    /// <summary>
    /// Normalised name for matching (<see cref="Normalization.CompanyNames.Key"/>), kept in step by the DbContext.
    /// </summary>
    public string NameKey { get; set; } = "";
    public DateTime? ArchivedAt { get; set; }
    public Guid? ImportRunId { get; set; }
    /// <summary>Set when this record was merged into another (and archived); cleared by undo.</summary>
    public Guid? MergedIntoId { get; set; }

    // Order history, kept up to date by OrderService (non-cancelled orders) so lead lists can filter and sort by it.
    public int OrderCount { get; set; }
    public DateOnly? FirstOrderOn { get; set; }
    public DateOnly? LastOrderOn { get; set; }
    /// <summary>
    /// Sum of order totals; mixed currencies are added as they are (see the company page for per-currency sums).
    /// </summary>
    public decimal OrderTotal { get; set; }

    /// <summary>The qualification brain's judgement (segment, fit score, potential); null until computed.</summary>
    public CompanyFit? Fit { get; set; }

    string IAudited.AuditType => nameof(Company);
    Guid IAudited.AuditId => Id;
    string IAudited.AuditLabel => Name;
}
