using System.Globalization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Companies;

public sealed class CompanyService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<CompanyRow> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, db.Companies.Where(c => c.Id == id)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Company", id);
    }

    /// <summary>Companies in the asked order (by name unless told), keyset-paged.</summary>
    public async Task<Page<CompanyRow>> ListAsync(CompanyListQuery query,
        IReadOnlyList<CustomFieldCondition>? custom = null, CancellationToken ct = default)
    {
        var errors = new Errors();
        var limit = Cursor.ClampLimit(query.Limit, errors);
        var q = errors.Optional("q", query.Q, 200)?.ToLower(CultureInfo.InvariantCulture);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sort = CompanySorts.For(db).Parse(query.Sort, errors);
        errors.ThrowIfAny();

        var companies = Filtered(db, query, q, custom);
        var total = await companies.CountAsync(ct);
        return await sort.PageAsync(companies, query.Cursor, limit, c => Rows(db, c), c => c.Id, total, ct);
    }

    /// <summary>
    /// The list's filters (also used by the export); <paramref name="q"/> is the validated, lower-cased search text.
    /// </summary>
    internal static IQueryable<Company> Filtered(AppDbContext db, CompanyListQuery query, string? q,
        IReadOnlyList<CustomFieldCondition>? custom)
    {
        var companies = db.Companies.AsNoTracking().Where(db, custom);
        if (query.IncludeArchived != true)
        {
            companies = companies.Where(c => c.ArchivedAt == null);
        }
        if (q is not null)
        {
            companies = companies.Where(c => c.Name.ToLower().Contains(q) || (c.Domain != null && c.Domain.Contains(q))
                || (c.City != null && c.City.ToLower().Contains(q)));
        }
        if (query.Segment is { } segment)
        {
            // The effective segment: a person's, else the agent's judgement.
            companies = segment == Segment.Unknown
                ? companies.Where(c => c.Segment == Segment.Unknown && (c.Fit == null || c.Fit.Segment == segment))
                : companies.Where(c => c.Segment == segment
                    || (c.Segment == Segment.Unknown && c.Fit != null && c.Fit.Segment == segment));
        }
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            var country = query.Country.Trim().ToUpperInvariant();
            companies = companies.Where(c => c.Country == country);
        }
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim().ToLowerInvariant();
            companies = companies.Where(c => c.Tags.Contains(tag));
        }
        return companies;
    }

    public async Task<CompanyRow> CreateAsync(CompanyInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var company = await ApplyAsync(db, null, input, ct);
        db.Companies.Add(company);
        await db.SaveChangesAsync(ct);
        return await GetAsync(company.Id, ct);
    }

    public async Task<CompanyRow> UpdateAsync(Guid id, CompanyInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Company", id);
        LeadService.RequireVersion(db, company, input.Version);
        await ApplyAsync(db, company, input, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<CompanyRow> SetArchivedAsync(Guid id, bool archived, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Archiving.SetAsync<Company>(db, id, archived, ct);
        return await GetAsync(id, ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Company", id);
        if (await db.Leads.AnyAsync(l => l.CompanyId == id, ct))
        {
            throw new ConflictException("The company still has leads; archive it or delete its leads first.");
        }
        db.Companies.Remove(company);
        await db.SaveChangesAsync(ct);
    }

    private static IQueryable<CompanyRow> Rows(AppDbContext db, IQueryable<Company> companies) =>
        companies.Select(c => new CompanyRow(
            c.Id, c.Name, c.LegalName, c.Website, c.Domain, c.Country, c.City, c.Segment, c.Industry, c.SizeBand,
            c.Tags, c.CustomFields, c.SocialProfiles,
            db.Set<Lead>().Count(l => l.CompanyId == c.Id && l.ArchivedAt == null),
            db.Set<Contact>().Count(p => p.CompanyId == c.Id),
            c.CreatedAt, c.UpdatedAt, c.ArchivedAt, c.Version, c.MergedIntoId,
            c.Fit != null ? c.Fit.FitScore : null, c.Fit != null ? c.Fit.Segment : null));

    // Validates the input, then applies it to the company (a new one when there is none yet).
    private static async Task<Company> ApplyAsync(AppDbContext db, Company? existing, CompanyInput input,
        CancellationToken ct)
    {
        var errors = new Errors();
        var name = errors.Required("name", input.Name, Company.NameMax);
        var legal = errors.Optional("legalName", input.LegalName, Company.LegalNameMax);
        var website = WebsiteAddress.Parse(errors.Optional("website", input.Website, Company.WebsiteMax));
        var (url, domain) = (website.Url, website.Domain);
        var id = existing?.Id;
        if (website.Error is not null)
        {
            errors.Add("website", website.Error);
        }
        else if (domain is not null && await db.Companies.AnyAsync(c => c.Domain == domain && c.Id != id, ct))
        {
            errors.Add("website", $"Another company already has the domain {DomainName.Display(domain)}.");
        }
        var profiles = SocialProfileList.Normalize(input.SocialProfiles, website.SocialProfile, errors);
        var country = errors.Optional("country", input.Country, Company.CountryLength)?.ToUpperInvariant();
        if (country is not null && (country.Length != Company.CountryLength || !country.All(char.IsAsciiLetterUpper)))
        {
            errors.Add("country", "Must be a two-letter ISO 3166-1 code such as DE or AE.");
        }
        var city = errors.Optional("city", input.City, Company.CityMax);
        var industry = errors.Optional("industry", input.Industry, Company.IndustryMax);
        LeadService.CheckEnum(errors, "segment", input.Segment);
        LeadService.CheckEnum(errors, "sizeBand", input.SizeBand);
        var tags = Tags.Normalize(input.Tags, errors);
        var custom = await CustomFieldInputs.NormalizeAsync(db, FieldRecord.Company, input.CustomFields,
            existing?.CustomFields, errors, ct);
        errors.ThrowIfAny();

        var company = existing ?? Company.Named(name!);
        company.Name = name!;
        company.LegalName = legal;
        company.Website = url;
        company.Domain = domain;
        company.SocialProfiles = profiles;
        company.Country = country;
        company.City = city;
        // A person's segment: the brain never overwrites it, and it is a label the classifier learns from.
        company.Segment = input.Segment ?? Segment.Unknown;
        company.Industry = industry;
        company.SizeBand = input.SizeBand ?? SizeBand.Unknown;
        company.Tags = tags;
        company.CustomFields = custom;
        return company;
    }
}
