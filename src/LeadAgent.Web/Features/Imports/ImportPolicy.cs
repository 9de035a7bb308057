using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// The block list in an import: a row whose website, domain, e-mail (or its domain), phone or company name is
/// blocked, or that matches a blocked company or contact of the CRM, is imported all the same (the file is the
/// team's data) but flagged: its result says why, and the run lists it among its issues. What a blocked record may
/// not do (be contacted, be proposed) the policy check stops everywhere else.
/// </summary>
internal sealed class ImportPolicy
{
    private readonly PolicySnapshot _lists;
    // What the lists know of the CRM records the batch may match (only blocked ones), by their domain, name key or
    // identity value: added to a matching row's facts, so an allow entry in the row still counts.
    private readonly Dictionary<string, List<Action<PolicyFacts>>> _matches = [];

    private ImportPolicy(PolicySnapshot lists) => _lists = lists;

    public static async Task<ImportPolicy> LoadAsync(AppDbContext db, PolicyCheck check, List<string> domains,
        List<string> nameKeys, List<string> identities, CancellationToken ct)
    {
        var policy = new ImportPolicy(await check.SnapshotAsync(db, ct));
        if (policy._lists.NothingBlocked)
        {
            return policy;
        }
        var companies = await db.Companies.AsNoTracking().Where(c => c.ArchivedAt == null
                && (EF.Parameter(domains).Contains(c.Domain!) || EF.Parameter(nameKeys).Contains(c.NameKey)))
            .Select(c => new { c.Id, c.Domain, c.Website, c.Name, c.NameKey }).ToListAsync(ct);
        var blocked = await check.BlockedCompaniesAsync(db, companies.Select(c => c.Id).ToList(), ct);
        foreach (var c in companies.Where(c => blocked.ContainsKey(c.Id)))
        {
            void Facts(PolicyFacts f)
            {
                f.Companies.Add(c.Id);
                PolicyFactsLoader.AddCompany(f, new PolicyCompany(c.Domain, c.Website, c.Name), true);
            }
            policy.Remember(c.Domain, Facts);
            policy.Remember(c.NameKey, Facts);
        }
        var people = await db.ContactIdentities.AsNoTracking()
            .Where(i => EF.Parameter(identities).Contains(i.Value)).Select(i => new { i.ContactId, i.Value })
            .ToListAsync(ct);
        foreach (var p in people)
        {
            var facts = new PolicyFacts();
            facts.Contacts.Add(p.ContactId);
            if (policy._lists.Check(facts).Blocked)
            {
                policy.Remember(p.Value, f => f.Contacts.Add(p.ContactId));
            }
        }
        return policy;
    }

    /// <summary>Why the row is flagged, or null.</summary>
    public string? Flag(ImportRow r, NormalizedCells cells)
    {
        if (_lists.NothingBlocked)
        {
            return null;
        }
        var facts = new PolicyFacts();
        var keys = new List<string>();
        foreach (var field in (string[])["website", "company_domain"])
        {
            if (PolicyValues.Host(cells.Website(r[field]).Url) is { } host)
            {
                facts.Hosts.Add(host);
            }
            if (cells.Website(r[field]).Domain is { } domain)
            {
                keys.Add(domain);
            }
        }
        var region = cells.Region(r);
        foreach (var field in NormalizedCells.EmailFields)
        {
            if (r[field] is { } text && cells.Email(text).Value is { } email)
            {
                facts.Emails.Add(email);
                keys.Add(email);
            }
        }
        foreach (var field in NormalizedCells.PhoneFields)
        {
            if (r[field] is { } text && cells.Phone(text, region).Value is { } phone)
            {
                facts.Phones.Add(phone);
                keys.Add(phone);
            }
        }
        foreach (var field in (string[])["name", "company_name"])
        {
            if (r[field] is { } name)
            {
                facts.Texts.Add(name);
                keys.Add(cells.NameKey(name));
            }
        }
        foreach (var add in keys.SelectMany(k => _matches.GetValueOrDefault(k) ?? []))
        {
            add(facts);
        }
        var verdict = _lists.Check(facts);
        return verdict.Blocked ? $"Flagged: {verdict.Why}" : null;
    }

    private void Remember(string? key, Action<PolicyFacts> facts)
    {
        if (!string.IsNullOrEmpty(key))
        {
            if (!_matches.TryGetValue(key, out var list))
            {
                _matches[key] = list = [];
            }
            list.Add(facts);
        }
    }
}
