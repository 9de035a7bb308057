using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Discovery.Extraction;

namespace LeadAgent.Web.Features.Discovery.Review;

/// <summary>
/// What a site's profile adds to a CRM company: only values the company lacks, so what a person entered is never
/// overwritten by a crawled value. Returns the names of the fields it filled.
/// </summary>
public static class CompanyEnrichment
{
    public static List<string> Fill(Company company, SiteProfile profile, Uri site, bool domainFree)
    {
        var filled = new List<string>();
        void Set(string field, string? value, Func<string?> current, Action<string> set, int max)
        {
            if (!string.IsNullOrWhiteSpace(value) && string.IsNullOrWhiteSpace(current()) && value.Length <= max)
            {
                set(value.Trim());
                filled.Add(field);
            }
        }
        Set("legalName", profile.LegalName, () => company.LegalName, v => company.LegalName = v,
            Company.LegalNameMax);
        if (company.Website is null && domainFree)
        {
            var (url, domain, _) = DomainName.Parse(site.GetLeftPart(UriPartial.Authority));
            if (url is not null && domain is not null)
            {
                (company.Website, company.Domain) = (url, domain);
                filled.Add("website");
            }
        }
        Set("country", profile.Country, () => company.Country, v => company.Country = v.ToUpperInvariant(),
            Company.CountryLength);
        Set("city", profile.City, () => company.City, v => company.City = v, Company.CityMax);
        Set("phone", profile.Phone, () => company.Phone, v => company.Phone = v, Company.PhoneMax);
        Set("registrationId", CompanyNames.RegistrationId(profile.VatId ?? profile.Register),
            () => company.RegistrationId, v => company.RegistrationId = v, Company.RegistrationIdMax);
        var socials = profile.Socials.Where(s => s.Length <= Company.WebsiteMax
            && !company.SocialProfiles.Contains(s, StringComparer.OrdinalIgnoreCase)).ToList();
        if (socials.Count > 0 && company.SocialProfiles.Count + socials.Count <= Company.SocialProfilesMax)
        {
            company.SocialProfiles = [.. company.SocialProfiles, .. socials];
            filled.Add("socialProfiles");
        }
        // The segment is the brain's to judge (CompanyFit); Company.Segment is a person's choice only.
        return filled;
    }

    /// <summary>The name a new company gets: the site's own name, else its legal name, else its domain.</summary>
    public static string NameOf(SiteProfile? profile, Prospect prospect) =>
        new[] { profile?.Name, profile?.LegalName, prospect.Name, prospect.Title, prospect.Domain }
            .First(n => !string.IsNullOrWhiteSpace(n))!.Trim();
}
