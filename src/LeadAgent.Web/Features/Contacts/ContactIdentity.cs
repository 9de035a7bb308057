using LeadAgent.Web.Data;


namespace LeadAgent.Web.Features.Contacts;

/// <summary>
/// How a contact is reached; <see cref="RespondIo"/> is the contact's id in Respond.io, set when a conversation is
/// matched.
/// </summary>
public enum IdentityKind { Email, Phone, WhatsApp, Instagram, Facebook, LinkedIn, Other, RespondIo }

/// <summary>
/// One way to reach a contact. <see cref="Value"/> is normalised (lower-case email, E.164 phone, lower-case handle)
/// so an inbound message sender can be matched to the contact by an index lookup.
/// </summary>
public sealed class ContactIdentity : IAudited
{
    public const int ValueMax = 320, LabelMax = 50;

    public Guid Id { get; set; } = Ids.NewV7();
    public Guid ContactId { get; set; }
    public IdentityKind Kind { get; set; }
    public required string Value { get; set; }
    public string? Label { get; set; }
    public bool IsPrimary { get; set; }

    string IAudited.AuditType => nameof(Contact);
    Guid IAudited.AuditId => ContactId;
    string IAudited.AuditLabel => $"{Kind}: {Value}";
}
