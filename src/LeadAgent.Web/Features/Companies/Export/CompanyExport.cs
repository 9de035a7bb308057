using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Export;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Companies.Export;

/// <summary>Company export in id order, with the columns the company import accepts.</summary>
public static class CompanyExport
{
    public static readonly IReadOnlyList<Column<Company>> Columns =
    [
        new("name", c => c.Name),
        new("legal_name", c => c.LegalName),
        new("website", c => c.Website),
        new("social_profiles", c => string.Join(' ', c.SocialProfiles)),
        new("country", c => c.Country),
        new("city", c => c.City),
        new("segment", c => c.Segment.ToString()),
        new("industry", c => c.Industry),
        new("size_band", c => c.SizeBand.ToString()),
        new("phone", c => c.Phone),
        new("vat_id", c => c.RegistrationId),
        new("tags", c => string.Join(';', c.Tags)),
        new("external_id", c => c.ExternalId),
        new("created_at", c => CsvExport.Time(c.CreatedAt)),
        new("id", c => c.Id.ToString()),
    ];

    public static IAsyncEnumerable<Company> Rows(AppDbContext db, CompanyListQuery query, string? q,
        IReadOnlyList<CustomFieldCondition>? custom) =>
        CompanyService.Filtered(db, query, q, custom).OrderBy(c => c.Id).AsAsyncEnumerable();
}
