using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Policy;

/// <summary>What the lists need to know of a company.</summary>
public sealed record PolicyCompany(string? Domain, string? Website, string Name);

/// <summary>Loads, set-based, the companies' and contacts' values the lists are matched against.</summary>
public static class PolicyFactsLoader
{
    private static readonly IdentityKind[] Reach = [IdentityKind.Email, IdentityKind.Phone, IdentityKind.WhatsApp];

    public static async Task<Dictionary<Guid, PolicyCompany>> CompaniesAsync(AppDbContext db,
        IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var list = ids as Guid[] ?? ids.ToArray();
        return await db.Companies.AsNoTracking().Where(c => EF.Parameter(list).Contains(c.Id))
            .Select(c => new { c.Id, c.Domain, c.Website, c.Name })
            .ToDictionaryAsync(c => c.Id, c => new PolicyCompany(c.Domain, c.Website, c.Name), ct);
    }

    /// <summary>The e-mail addresses and phone numbers (WhatsApp too) of the contacts.</summary>
    public static async Task<ILookup<Guid, (IdentityKind Kind, string Value)>> IdentitiesAsync(AppDbContext db,
        IReadOnlyCollection<Guid> contactIds, CancellationToken ct)
    {
        if (contactIds.Count == 0)
        {
            return Array.Empty<(Guid, IdentityKind, string)>().ToLookup(i => i.Item1, i => (i.Item2, i.Item3));
        }
        var list = contactIds as Guid[] ?? contactIds.ToArray();
        var rows = await db.ContactIdentities.AsNoTracking()
            .Where(i => EF.Parameter(list).Contains(i.ContactId) && Reach.Contains(i.Kind))
            .Select(i => new { i.ContactId, i.Kind, i.Value }).ToListAsync(ct);
        return rows.ToLookup(r => r.ContactId, r => (r.Kind, r.Value));
    }

    public static void AddCompany(PolicyFacts facts, PolicyCompany company, bool withName)
    {
        if (PolicyValues.Host(company.Website) is { } host)
        {
            facts.Hosts.Add(host);
        }
        if (company.Domain is { Length: > 0 } domain)
        {
            facts.Hosts.Add(domain);
        }
        if (withName)
        {
            facts.Texts.Add(company.Name);
        }
    }

    /// <summary>A stored identity (already normalised) as a fact.</summary>
    public static void AddIdentity(PolicyFacts facts, IdentityKind kind, string value)
    {
        if (kind == IdentityKind.Email)
        {
            facts.Emails.Add(value);
        }
        else
        {
            facts.Phones.Add(value);
        }
    }
}
