using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Export;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Contacts.Export;

public sealed record ContactExportRow(
    Guid Id,
    string FirstName,
    string? LastName,
    string? Role,
    List<ContactIdentity> Identities,
    string? CompanyName,
    string? CompanyDomain,
    string? CompanyCountry,
    List<string> Tags,
    string? ExternalId,
    DateTime CreatedAt,
    Dictionary<string, string> CustomFields);

/// <summary>
/// Contact export: the first identity of each kind becomes its column, as the contact import reads them.
/// </summary>
public static class ContactExport
{
    public static readonly IReadOnlyList<Column<ContactExportRow>> Columns =
    [
        new("first_name", r => r.FirstName),
        new("last_name", r => r.LastName),
        new("role", r => r.Role),
        new("email", r => First(r, IdentityKind.Email)),
        new("phone", r => First(r, IdentityKind.Phone)),
        new("whatsapp", r => First(r, IdentityKind.WhatsApp)),
        new("instagram", r => First(r, IdentityKind.Instagram)),
        new("facebook", r => First(r, IdentityKind.Facebook)),
        new("linkedin", r => First(r, IdentityKind.LinkedIn)),
        new("company_name", r => r.CompanyName),
        new("company_domain", r => r.CompanyDomain),
        new("company_country", r => r.CompanyCountry),
        new("tags", r => string.Join(';', r.Tags)),
        new("external_id", r => r.ExternalId),
        new("created_at", r => CsvExport.Time(r.CreatedAt)),
        new("id", r => r.Id.ToString()),
    ];

    private static string? First(ContactExportRow r, IdentityKind kind) =>
        r.Identities
            .Where(i => i.Kind == kind)
            .OrderByDescending(i => i.IsPrimary)
            .Select(i => i.Value)
            .FirstOrDefault();

    public static IAsyncEnumerable<ContactExportRow> Rows(AppDbContext db, ContactListQuery query, string? q,
        IReadOnlyList<CustomFieldCondition>? custom) =>
        ContactService.Filtered(db, query, q, custom)
            .OrderBy(c => c.Id)
            .Select(c => new ContactExportRow(
                c.Id,
                c.FirstName,
                c.LastName,
                c.Role,
                c.Identities.ToList(),
                c.Company != null ? c.Company.Name : null,
                c.Company != null ? c.Company.Domain : null,
                c.Company != null ? c.Company.Country : null,
                c.Tags,
                c.ExternalId,
                c.CreatedAt,
                c.CustomFields))
            .AsAsyncEnumerable();
}
