using System.Diagnostics;
using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Duplicates;

/// <summary>Warnings before creating a record: existing records it would probably duplicate.</summary>
public sealed partial class DuplicateService
{
    /// <summary>
    /// Existing companies that a new one with these details would probably duplicate
    /// (for a warning before creating it).
    /// </summary>
    public async Task<List<LikelyDuplicate>> CheckCompanyAsync(CompanyCheck check, CancellationToken ct = default)
    {
        var key = CompanyNames.Key(check.Name);
        var domain = DomainName.Parse(check.Website).Domain;
        var country = string.IsNullOrWhiteSpace(check.Country) ? null : check.Country.Trim().ToUpperInvariant();
        var phone = ContactPoints.Phone(check.Phone, country ?? crm.Value.DefaultPhoneRegion).Value;
        var vat = CompanyNames.RegistrationId(check.VatId);
        if (key.Length == 0 && domain is null && phone is null && vat is null)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Names sharing the first three letters of the key (an index range), plus exact identifiers.
        var low = key.Length >= 3 ? key[..3] : key;
        var high = low + '\uffff';
        var candidates = await db.Companies.AsNoTracking().Where(c => c.ArchivedAt == null && (
                (domain != null && c.Domain == domain)
                || (vat != null && c.RegistrationId == vat)
                || (phone != null && c.Phone == phone)
                || (low.Length > 0 && string.Compare(c.NameKey, low) >= 0 && string.Compare(c.NameKey, high) < 0)))
            .Select(c => new CompanyFacts(
                c.Id, c.Name, c.NameKey, c.Domain, c.Country, c.City, c.Phone, c.RegistrationId))
            .Take(2000).ToListAsync(ct);
        var city = string.IsNullOrWhiteSpace(check.City) ? null : check.City.Trim();
        var probe = new CompanyFacts(Guid.Empty, check.Name ?? "", key, domain, country, city, phone, vat);
        return candidates.Select(c => (c, m: CompanyMatcher.Compare(probe, c)))
            .Where(x => x.m is { Confidence: >= CompanyMatcher.Threshold })
            .OrderByDescending(x => x.m!.Confidence).Take(5)
            .Select(x => new LikelyDuplicate(x.c.Id, x.c.Name, x.m!.Confidence, x.m.Evidence)).ToList();
    }

    /// <summary>
    /// Existing contacts that a new contact with these details would probably duplicate
    /// (same e-mail or phone, or name at the company).
    /// </summary>
    public async Task<List<LikelyDuplicate>> CheckContactAsync(ContactCheck check, CancellationToken ct = default)
    {
        var identities = new[]
        {
            ContactPoints.Email(check.Email).Value,
            ContactPoints.Phone(check.Phone, crm.Value.DefaultPhoneRegion).Value,
        }.OfType<string>().ToList();
        if (string.IsNullOrWhiteSpace(check.FirstName) && identities.Count == 0)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var companyId = check.CompanyId;
        var candidates = db.Contacts.Where(c => c.ArchivedAt == null
            && (c.Identities.Any(i => identities.Contains(i.Value))
                || (companyId != null && c.CompanyId == companyId)));
        var facts = await ContactFactsAsync(db, candidates.OrderBy(c => c.Id).Take(500), ct);
        var probe = new ContactFacts(
            Guid.Empty, check.FirstName?.Trim() ?? "", check.LastName?.Trim(), companyId, identities);
        var ids = facts.Select(f => f.Id).ToList();
        var labels = (await db.Contacts.AsNoTracking()
                .Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.FirstName, c.LastName })
                .ToListAsync(ct))
            .ToDictionary(
                c => c.Id,
                c => string.IsNullOrWhiteSpace(c.LastName) ? c.FirstName : $"{c.FirstName} {c.LastName}");
        return facts.Select(f => (f, m: ContactMatcher.Compare(probe, f)))
            .Where(x => x.m is { Confidence: >= CompanyMatcher.Threshold })
            .OrderByDescending(x => x.m!.Confidence).Take(5)
            .Select(x => new LikelyDuplicate(
                x.f.Id, labels.GetValueOrDefault(x.f.Id) ?? x.f.FirstName, x.m!.Confidence, x.m.Evidence))
            .ToList();
    }
}
