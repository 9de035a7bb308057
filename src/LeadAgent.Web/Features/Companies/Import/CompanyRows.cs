using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Companies.Import;

/// <summary>
/// Company rows, and the company that contact, lead and order rows refer to. Holds the batch's companies by each
/// key they are matched on: loaded up front, and new ones added as rows create them, so a file never creates the
/// same company twice.
/// </summary>
internal sealed class CompanyRows(ImportBatch batch)
{
    private readonly Dictionary<string, Company> _byDomain = [], _byExternalId = [], _byPhone = [];
    private readonly Dictionary<string, List<Company>> _byName = [];

    /// <summary>Loads the companies the rows may match; returns their ids.</summary>
    public async Task<List<Guid>> LoadAsync(List<string> domains, List<string> names, List<string> externalIds,
        List<string> phones, CancellationToken ct)
    {
        // One indexed lookup per key, each with its values as a single array parameter: an OR of large IN lists
        // makes the database scan and EF compile a new query for every list length.
        var db = batch.Db;
        var companies = await db.Companies.Where(c => EF.Parameter(domains).Contains(c.Domain!)).ToListAsync(ct);
        companies.AddRange(await db.Companies.Where(c => EF.Parameter(names).Contains(c.NameKey)).ToListAsync(ct));
        if (externalIds.Count > 0)
        {
            companies.AddRange(await db.Companies.Where(c => EF.Parameter(externalIds).Contains(c.ExternalId!))
                .ToListAsync(ct));
        }
        // Companies are matched by phone only in a company import keyed on phone (see Find).
        if (phones.Count > 0 && batch.Run.Kind == ImportKind.Companies && batch.Run.MatchKey == MatchKey.Phone)
        {
            companies.AddRange(await db.Companies.Where(c => EF.Parameter(phones).Contains(c.Phone!)).ToListAsync(ct));
        }
        companies.ForEach(Index);
        return companies.Select(c => c.Id).Distinct().ToList();
    }

    public RowResult Apply(ImportRow r)
    {
        var name = r.Text("name", Company.NameMax, required: true);
        var legal = r.Text("legal_name", Company.LegalNameMax);
        var (url, domain, urlError) = batch.Cells.Website(r.Text("website", Company.WebsiteMax));
        if (urlError is not null)
        {
            r.Error("website", urlError);
        }
        // A social-network profile link parses with no domain: it is a profile, not the website (normal branch).
        var social = domain is null ? url : null;
        url = domain is null ? null : url;
        var country = r.Country("country");
        var city = r.Text("city", Company.CityMax);
        var segment = r.Enum<Segment>("segment");
        var industry = r.Text("industry", Company.IndustryMax);
        var size = r.Enum<SizeBand>("size_band", EmployeeBand);
        var phone = batch.Phone(r, "phone", country);
        var vat = CompanyNames.RegistrationId(r.Text("vat_id", Company.RegistrationIdMax));
        var tags = r.Tags();
        var ext = r.Text("external_id", Company.ExternalIdMax);
        var custom = r.Custom(batch.CustomTypes);
        if (r.Errors.Count > 0)
        {
            return RowResult.Rejected(r);
        }

        var company = Find(domain, name, country, ext, phone, batch.Run.MatchKey);
        if (company is null)
        {
            if (batch.Run.Mode == ImportMode.UpdateOnly)
            {
                return new(RowOutcome.Skipped, "No existing company matches this row.");
            }
            company = Company.Named(name!);
            company.LegalName = legal;
            company.Website = url;
            company.Domain = domain;
            company.Country = country;
            company.City = city;
            company.Segment = segment ?? Segment.Unknown;
            company.Industry = industry;
            company.SizeBand = size ?? SizeBand.Unknown;
            company.Phone = phone;
            company.RegistrationId = vat;
            company.Tags = ImportValues.WithTags([], tags) ?? [];
            company.ExternalId = ext;
            company.SocialProfiles = social is null ? [] : [social];
            company.CustomFields = custom ?? [];
            Create(company);
            return RowResult.Created;
        }
        if (batch.Run.Mode == ImportMode.CreateOnly)
        {
            return new(RowOutcome.Skipped, $"Duplicate of the existing company \"{company.Name}\".");
        }
        var changed = Update(company, name, legal, url, domain, country, city, industry, phone, vat, ext);
        if (segment is { } sg && sg != company.Segment)
        {
            company.Segment = sg; // a person's word, from their file
            changed = true;
        }
        if (size is { } sz && sz != company.SizeBand)
        {
            company.SizeBand = sz;
            changed = true;
        }
        if (social is not null && !company.SocialProfiles.Contains(social))
        {
            company.SocialProfiles = [.. company.SocialProfiles, social];
            changed = true;
        }
        if (ImportValues.WithTags(company.Tags, tags) is { } merged)
        {
            company.Tags = merged;
            changed = true;
        }
        if (ImportValues.WithCustom(company.CustomFields, custom) is { } values)
        {
            company.CustomFields = values;
            changed = true;
        }
        return changed ? RowResult.Updated : RowResult.Unchanged;
    }

    private bool Update(Company c, string? name, string? legal, string? url, string? domain, string? country,
        string? city, string? industry, string? phone, string? vat, string? ext)
    {
        // Spelling variants of the same name ("EVENTWERK" for "Eventwerk GmbH") and other pages of the same site
        // are the same facts: keep what is there, so files that mix variants stay idempotent.
        var changed = batch.Cells.NameKey(name) != c.NameKey && ImportValues.Set(c.Name, name, v => c.Name = v);
        changed |= ImportValues.Set(c.LegalName, legal, v => c.LegalName = v);
        changed |= domain != c.Domain && ImportValues.Set(c.Website, url, v => c.Website = v);
        changed |= ImportValues.Set(c.Domain, domain, v => c.Domain = v);
        changed |= ImportValues.Set(c.Country, country, v => c.Country = v);
        changed |= ImportValues.Set(c.City, city, v => c.City = v);
        changed |= ImportValues.Set(c.Industry, industry, v => c.Industry = v);
        changed |= ImportValues.Set(c.Phone, phone, v => c.Phone = v);
        changed |= ImportValues.Set(c.RegistrationId, vat, v => c.RegistrationId = v);
        changed |= ImportValues.Set(c.ExternalId, ext, v => c.ExternalId = v);
        return changed;
    }

    /// <summary>
    /// The company a contact, lead or order row refers to: found, or created (never in update-only mode).
    /// </summary>
    public (Company? Company, bool Created) Referenced(ImportRow r, bool required)
    {
        var name = r.Text("company_name", Company.NameMax, required && r["company_domain"] is null);
        var (url, domain, urlError) = batch.Cells.Website(r.Text("company_domain", Company.WebsiteMax));
        if (urlError is not null)
        {
            r.Error("company_domain", urlError);
        }
        url = domain is null ? null : url; // a social profile link is no company website (normal branch)
        var country = r.Country("company_country");
        var city = r.Text("company_city", Company.CityMax);
        var segment = r.Enum<Segment>("company_segment");
        if (r.Errors.Count > 0 || (name is null && domain is null))
        {
            return (null, false);
        }
        var company = Find(domain, name, country, null, null, MatchKey.Domain);
        if (company is not null)
        {
            // A row about a lead or contact fills gaps in its company; it does not overwrite what is there.
            company.Country ??= country;
            company.City ??= city;
            company.Website ??= url;
            company.Domain ??= domain;
            if (company.Segment == Segment.Unknown && segment is { } sg)
            {
                company.Segment = sg;
            }
            if (ImportValues.WithTags(company.Tags, r.CompanyTags()) is { } merged)
            {
                company.Tags = merged;
            }
            return (company, false);
        }
        if (batch.Run.Mode == ImportMode.UpdateOnly)
        {
            return (null, false);
        }
        company = Company.Named(name ?? domain!);
        company.Website = url;
        company.Domain = domain;
        company.Country = country;
        company.City = city;
        company.Segment = segment ?? Segment.Unknown;
        company.Tags = ImportValues.WithTags([], r.CompanyTags()) ?? [];
        Create(company);
        return (company, true);
    }

    /// <summary>
    /// A size band from an employee count or range, as CRMs export it ("250", "51-200", "10,001+"): by its lower
    /// bound, with the EU's thresholds (micro under 10, small under 50, medium under 250) and 1,000 for enterprise.
    /// </summary>
    public static SizeBand? EmployeeBand(string text)
    {
        var digits = new string(text.TakeWhile(c => char.IsDigit(c) || c is ',' or '.' or '\'' or ' ')
            .Where(char.IsDigit).ToArray());
        if (digits.Length is 0 or > 9 || text.Any(char.IsLetter))
        {
            return null;
        }
        return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) switch
        {
            < 10 => SizeBand.Micro,
            < 50 => SizeBand.Small,
            < 250 => SizeBand.Medium,
            < 1000 => SizeBand.Large,
            _ => SizeBand.Enterprise,
        };
    }

    private void Create(Company c)
    {
        batch.Add(c);
        Index(c);
    }

    private void Index(Company c)
    {
        if (c.Domain is not null)
        {
            _byDomain.TryAdd(c.Domain, c);
        }
        if (c.ExternalId is not null)
        {
            _byExternalId.TryAdd(c.ExternalId, c);
        }
        if (c.Phone is not null)
        {
            _byPhone.TryAdd(c.Phone, c);
        }
        if (c.NameKey.Length == 0)
        {
            c.NameKey = batch.Cells.NameKey(c.Name);
        }
        if (!_byName.TryGetValue(c.NameKey, out var list))
        {
            _byName[c.NameKey] = list = [];
        }
        if (!list.Contains(c))
        {
            list.Add(c);
        }
    }

    /// <summary>
    /// External id (when that is the match key), then phone (likewise), then registrable domain, then name in the
    /// same country.
    /// </summary>
    private Company? Find(string? domain, string? name, string? country, string? externalId, string? phone,
        MatchKey key)
    {
        if (key == MatchKey.ExternalId && externalId is not null
            && _byExternalId.TryGetValue(externalId, out var byExt))
        {
            return byExt;
        }
        if (key == MatchKey.Phone && phone is not null && _byPhone.TryGetValue(phone, out var byPhone))
        {
            return byPhone;
        }
        if (domain is not null && _byDomain.TryGetValue(domain, out var byDomain))
        {
            return byDomain;
        }
        var nameKey = batch.Cells.NameKey(name);
        if (nameKey.Length == 0 || !_byName.TryGetValue(nameKey, out var candidates))
        {
            return null;
        }
        // A same-named company elsewhere, or with another website, is a different company.
        var fitting = candidates.Where(c => domain is null || c.Domain is null || c.Domain == domain).ToList();
        return fitting.FirstOrDefault(c => c.Country == country)
            ?? (country is null || fitting.All(c => c.Country is null)
                ? fitting.FirstOrDefault(c => c.Country is null || country is null) : null);
    }
}
