using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Export;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Leads.Export;

public sealed record LeadExportRow(
    Guid Id,
    string Title,
    LeadStatus Status,
    string? OwnerEmail,
    LeadSource Source,
    int? Score,
    Classification? Classification,
    decimal? ExpectedValue,
    string Currency,
    DateOnly? NextActionOn,
    List<string> Tags,
    string CompanyName,
    string? CompanyDomain,
    string? CompanyCountry,
    Segment CompanySegment,
    string? ContactFirstName,
    string? ContactLastName,
    string? ContactEmail,
    string? ContactPhone,
    string? ExternalId,
    DateTime CreatedAt,
    Dictionary<string, string> CustomFields);

/// <summary>Lead export: one flat row per lead with its company and primary contact, in id order.</summary>
public static class LeadExport
{
    public static readonly IReadOnlyList<Column<LeadExportRow>> Columns =
    [
        new("title", r => r.Title),
        new("status", r => r.Status.ToString()),
        new("owner_email", r => r.OwnerEmail),
        new("source", r => r.Source.ToString()),
        new("score", r => CsvExport.Number(r.Score)),
        new("classification", r => r.Classification?.ToString()),
        new("expected_value", r => CsvExport.Number(r.ExpectedValue)),
        new("currency", r => r.Currency),
        new("next_action_on", r => CsvExport.Date(r.NextActionOn)),
        new("tags", r => string.Join(';', r.Tags)),
        new("company_name", r => r.CompanyName),
        new("company_domain", r => r.CompanyDomain),
        new("company_country", r => r.CompanyCountry),
        new("company_segment", r => r.CompanySegment.ToString()),
        new("contact_first_name", r => r.ContactFirstName),
        new("contact_last_name", r => r.ContactLastName),
        new("contact_email", r => r.ContactEmail),
        new("contact_phone", r => r.ContactPhone),
        new("external_id", r => r.ExternalId),
        new("created_at", r => CsvExport.Time(r.CreatedAt)),
        new("id", r => r.Id.ToString()),
    ];

    public static IAsyncEnumerable<LeadExportRow> Rows(AppDbContext db, LeadFilter filter, string? userId) =>
        LeadQueries.Filtered(db, filter, userId).OrderBy(l => l.Id).Select(l => new LeadExportRow(
            l.Id, l.Title, l.Status, l.Owner != null ? l.Owner.Email : null, l.Source, l.Score, l.Classification,
            l.ExpectedValue, l.Currency,
            l.NextActionOn, l.Tags, l.Company!.Name, l.Company.Domain, l.Company.Country,
            l.Company.Segment != Segment.Unknown || l.Company.Fit == null ? l.Company.Segment : l.Company.Fit.Segment,
            l.PrimaryContact != null ? l.PrimaryContact.FirstName : null,
            l.PrimaryContact != null ? l.PrimaryContact.LastName : null,
            l.PrimaryContact != null
                ? l.PrimaryContact.Identities
                    .Where(i => i.Kind == IdentityKind.Email)
                    .OrderByDescending(i => i.IsPrimary)
                    .Select(i => i.Value)
                    .FirstOrDefault()
                : null,
            l.PrimaryContact != null
                ? l.PrimaryContact.Identities
                    .Where(i => i.Kind == IdentityKind.Phone || i.Kind == IdentityKind.WhatsApp)
                    .OrderByDescending(i => i.IsPrimary)
                    .Select(i => i.Value)
                    .FirstOrDefault()
                : null,
            l.ExternalId, l.CreatedAt, l.CustomFields)).AsAsyncEnumerable();
}
