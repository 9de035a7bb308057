using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Discovery.Extraction;
using LeadAgent.Web.Features.Duplicates;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Review;

/// <summary>
/// Finds the CRM company a researched site belongs to, with the duplicate detection's rules
/// (<see cref="CompanyMatcher"/>): same registrable domain, same VAT or register id, same phone, same or similar
/// name. A company with two websites is found by its VAT id or phone from the second one.
/// </summary>
public static class CrmMatch
{
    public static async Task<(Guid Id, string Evidence)?> FindAsync(AppDbContext db, string domain,
        SiteProfile? profile, CancellationToken ct)
    {
        var name = profile?.Name ?? profile?.LegalName;
        var key = CompanyNames.Key(profile?.LegalName ?? name);
        var vat = profile?.VatId;
        var register = profile?.Register is { } r ? CompanyNames.RegistrationId(r) : null;
        var phone = profile?.Phone;
        var candidates = await db.Companies.AsNoTracking()
            .Where(c => c.ArchivedAt == null && (c.Domain == domain
                || (vat != null && c.RegistrationId == vat) || (register != null && c.RegistrationId == register)
                || (phone != null && c.Phone == phone) || (key != "" && c.NameKey == key)))
            .OrderByDescending(c => c.Domain == domain)
            .Select(c => new CompanyFacts(c.Id, c.Name, c.NameKey, c.Domain, c.Country, c.City, c.Phone,
                c.RegistrationId))
            .Take(20).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return null;
        }
        // A second website of a company the CRM knows: the VAT or register id says it is the same company, whatever
        // the duplicate rules make of two domains.
        if (candidates.FirstOrDefault(c => c.Domain == domain) is { } sameDomain)
        {
            return (sameDomain.Id, $"Same website domain {domain}");
        }
        if (candidates.FirstOrDefault(c => c.RegistrationId is not null
            && (c.RegistrationId == vat || c.RegistrationId == register)) is { } sameId)
        {
            return (sameId.Id, $"Same VAT / register id {sameId.RegistrationId}");
        }
        var site = new CompanyFacts(Guid.Empty, name ?? domain, key, domain, profile?.Country, profile?.City, phone,
            vat ?? register);
        var best = candidates.Select(c => CompanyMatcher.Compare(site, c))
            .Where(m => m is not null && m.Confidence >= CompanyMatcher.Threshold)
            .OrderByDescending(m => m!.Confidence).FirstOrDefault();
        return best is null ? null
            : (best.A == Guid.Empty ? best.B : best.A, $"{best.Confidence} %: {string.Join("; ", best.Evidence)}");
    }
}
