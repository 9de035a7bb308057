using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Web.Features.Duplicates;

/// <summary>
/// A field a merge can take from either record, read and written as text (so its old value can be stored for undo).
/// </summary>
public sealed record MergeField<T>(string Name, string Label, Func<T, string?> Get, Action<T, string?> Set);

/// <summary>The fields a user chooses between when merging; tags and custom fields are always combined.</summary>
public static class MergeFields
{
    public static readonly IReadOnlyList<MergeField<Company>> Company =
    [
        new("name", "Name", c => c.Name, (c, v) => c.Name = v ?? c.Name),
        new("legalName", "Legal name", c => c.LegalName, (c, v) => c.LegalName = v),
        // The domain follows the website; both are restored together on undo.
        new("website", "Website", c => c.Website, (c, v) => { c.Website = v; c.Domain = DomainName.Parse(v).Domain; }),
        new("country", "Country", c => c.Country, (c, v) => c.Country = v),
        new("city", "City", c => c.City, (c, v) => c.City = v),
        new("segment", "Segment", c => c.Segment.ToString(),
            (c, v) => c.Segment = Enum.TryParse<Segment>(v, out var s) ? s : c.Segment),
        new("industry", "Industry", c => c.Industry, (c, v) => c.Industry = v),
        new("sizeBand", "Size", c => c.SizeBand.ToString(),
            (c, v) => c.SizeBand = Enum.TryParse<SizeBand>(v, out var s) ? s : c.SizeBand),
        new("phone", "Phone", c => c.Phone, (c, v) => c.Phone = v),
        new("vatId", "VAT / register id", c => c.RegistrationId, (c, v) => c.RegistrationId = v),
        new("externalId", "External id", c => c.ExternalId, (c, v) => c.ExternalId = v),
    ];

    public static readonly IReadOnlyList<MergeField<Contact>> Contact =
    [
        new("firstName", "First name", c => c.FirstName, (c, v) => c.FirstName = v ?? c.FirstName),
        new("lastName", "Last name", c => c.LastName, (c, v) => c.LastName = v),
        new("role", "Role", c => c.Role, (c, v) => c.Role = v),
        new("companyId", "Company", c => c.CompanyId?.ToString(),
            (c, v) => c.CompanyId = Guid.TryParse(v, out var id) ? id : null),
        new("externalId", "External id", c => c.ExternalId, (c, v) => c.ExternalId = v),
    ];

    /// <summary>Field values as the review screen shows them.</summary>
    public static Dictionary<string, string?> Values<T>(IReadOnlyList<MergeField<T>> fields, T record) =>
        fields.ToDictionary(f => f.Name, f => f.Get(record));
}
