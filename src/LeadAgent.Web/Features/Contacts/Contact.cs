using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Contacts;

public sealed class Contact : Entity, IAudited, IArchivable, IImported
{
    public const int FirstNameMax = 100, LastNameMax = 100, RoleMax = 100, ExternalIdMax = 100;
    /// <summary>At most this many ways to reach one contact through the API.</summary>
    public const int IdentitiesMax = 50;

    /// <summary>A new contact; names over their limits are cut (validate first where that is an error).</summary>
    public static Contact Named(string firstName, string? lastName = null) => new()
    {
        FirstName = RecordText.Fit(firstName, FirstNameMax),
        LastName = RecordText.Fit(lastName, LastNameMax),
    };

    /// <summary>Adds a way to reach this contact (its value already normalised) and returns it.</summary>
    public ContactIdentity Reach(IdentityKind kind, string value, bool isPrimary, string? label = null)
    {
        var identity = new ContactIdentity
        {
            ContactId = Id,
            Kind = kind,
            Value = value,
            Label = label,
            IsPrimary = isPrimary,
        };
        Identities.Add(identity);
        return identity;
    }

    /// <summary>
    /// Whether the contact has no identity of this kind yet (the first one of a kind becomes primary).
    /// </summary>
    public bool LacksKind(IdentityKind kind) => !Identities.Exists(i => i.Kind == kind);

    public Guid? CompanyId { get; set; }
    public Company? Company { get; set; }
    public required string FirstName { get; set; }
    public string? LastName { get; set; }
    /// <summary>Job title or role at the company.</summary>
    public string? Role { get; set; }
    public List<ContactIdentity> Identities { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    /// <summary>Values of the contact's custom fields by key (see <c>CustomFields</c>).</summary>
    public Dictionary<string, string> CustomFields { get; set; } = [];
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
