using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Imports;

namespace LeadAgent.Web.Features.Companies.Import;

/// <summary>A company row: matched by the chosen key, then created, updated or skipped according to the mode.</summary>
internal static class CompanyRows
{
    public static RowResult Apply(ImportSession s, ImportRow r)
    {
        var name = r.Text("name", 200, required: true);
        var legal = r.Text("legal_name", 200);
        var (url, domain, urlError) = s.Cells.Website(r.Text("website", 500));
        if (urlError is not null)
        {
            r.Error("website", urlError);
        }
        var country = r.Country("country");
        var city = r.Text("city", 100);
        var segment = r.Enum<Segment>("segment");
        var industry = r.Text("industry", 100);
        var size = r.Enum<SizeBand>("size_band");
        var phone = s.Phone(r, "phone", country);
        var vat = CompanyNames.RegistrationId(r.Text("vat_id", 50));
        var tags = ImportValues.SplitTags(r.Text("tags", 2000));
        var ext = r.Text("external_id", 100);
        if (r.Errors.Count > 0)
        {
            return ImportSession.Rejected(r);
        }

        var company = s.FindCompany(domain, name, country, ext, phone, s.Run.MatchKey);
        if (company is null)
        {
            if (s.Run.Mode == ImportMode.UpdateOnly)
            {
                return new(RowOutcome.Skipped, "No existing company matches this row.");
            }
            company = new Company
            {
                Name = name!,
                LegalName = legal,
                Website = url,
                Domain = domain,
                Country = country,
                City = city,
                Segment = segment ?? Segment.Unknown,
                Industry = industry,
                SizeBand = size ?? SizeBand.Unknown,
                Phone = phone,
                RegistrationId = vat,
                Tags = ImportSession.WithTags([], tags) ?? [],
                ExternalId = ext,
            };
            s.Create(company);
            return RowResult.Created;
        }
        if (s.Run.Mode == ImportMode.CreateOnly)
        {
            return new(RowOutcome.Skipped, $"Duplicate of the existing company \"{company.Name}\".");
        }
        return Update(s, company, name, legal, url, domain, country, city, segment, industry, size, phone, vat, tags, ext)
            ? RowResult.Updated : RowResult.Unchanged;
    }

    private static bool Update(ImportSession s, Company c, string? name, string? legal, string? url, string? domain, string? country, string? city,
        Segment? segment, string? industry, SizeBand? size, string? phone, string? vat, List<string> tags, string? ext)
    {
        // Spelling variants of the same name ("EVENTWERK" for "Eventwerk GmbH") and other pages of the same site
        // are the same facts: keep what is there, so files that mix variants stay idempotent.
        var changed = s.Cells.NameKey(name) != c.NameKey && ImportSession.Set(c.Name, name, v => c.Name = v);
        changed |= ImportSession.Set(c.LegalName, legal, v => c.LegalName = v);
        changed |= domain != c.Domain && ImportSession.Set(c.Website, url, v => c.Website = v);
        changed |= ImportSession.Set(c.Domain, domain, v => c.Domain = v);
        changed |= ImportSession.Set(c.Country, country, v => c.Country = v);
        changed |= ImportSession.Set(c.City, city, v => c.City = v);
        changed |= ImportSession.Set(c.Industry, industry, v => c.Industry = v);
        changed |= ImportSession.Set(c.Phone, phone, v => c.Phone = v);
        changed |= ImportSession.Set(c.RegistrationId, vat, v => c.RegistrationId = v);
        changed |= ImportSession.Set(c.ExternalId, ext, v => c.ExternalId = v);
        if (segment is { } sg && sg != c.Segment)
        {
            c.Segment = sg;
            changed = true;
        }
        if (size is { } sz && sz != c.SizeBand)
        {
            c.SizeBand = sz;
            changed = true;
        }
        if (ImportSession.WithTags(c.Tags, tags) is { } merged)
        {
            c.Tags = merged;
            changed = true;
        }
        return changed;
    }

    /// <summary>The company a contact, lead or order row refers to: found, or created (never in update-only mode).</summary>
    public static (Company? Company, bool Created) Referenced(ImportSession s, ImportRow r, bool required)
    {
        var name = r.Text("company_name", 200, required && r["company_domain"] is null);
        var (url, domain, urlError) = s.Cells.Website(r.Text("company_domain", 500));
        if (urlError is not null)
        {
            r.Error("company_domain", urlError);
        }
        var country = r.Country("company_country");
        var city = r.Text("company_city", 100);
        var segment = r.Enum<Segment>("company_segment");
        if (r.Errors.Count > 0 || (name is null && domain is null))
        {
            return (null, false);
        }
        var company = s.FindCompany(domain, name, country, null, null, MatchKey.Domain);
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
            return (company, false);
        }
        if (s.Run.Mode == ImportMode.UpdateOnly)
        {
            return (null, false);
        }
        company = new Company
        {
            Name = name ?? domain!,
            Website = url,
            Domain = domain,
            Country = country,
            City = city,
            Segment = segment ?? Segment.Unknown,
        };
        s.Create(company);
        return (company, true);
    }
}
