using System.Text;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Discovery.Extraction;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Notes;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Review;

/// <summary>
/// Turns an accepted prospect into CRM records in one transaction: the company (or the one the CRM already has,
/// filled where it lacks values), its managing directors and general contact, a lead with source Discovery, and a
/// note on the lead with the "why found" trail: run → query or list → result → pages → facts.
/// </summary>
public static class ProspectAcceptance
{
    public static async Task<Lead> AcceptAsync(AppDbContext db, Prospect prospect, SiteProfile? profile,
        DateTime now, CancellationToken ct)
    {
        var site = new Uri(prospect.Url);
        var companyId = prospect.CompanyId ?? (await CrmMatch.FindAsync(db, prospect.Domain, profile, ct))?.Id;
        var company = companyId is { } id ? await db.Companies.FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        var domainFree = !await db.Companies.AnyAsync(c => c.Domain == prospect.Domain, ct);
        if (company is null)
        {
            company = Company.Named(CompanyEnrichment.NameOf(profile, prospect));
            db.Companies.Add(company);
        }
        if (profile is not null)
        {
            CompanyEnrichment.Fill(company, profile, site, domainFree);
        }
        // A company the CRM had keeps its contacts: the site's people are not added a second time.
        var contacts = profile is null || companyId is not null ? [] : Contacts(company, profile);
        db.Contacts.AddRange(contacts);
        var lead = Lead.Open(company.Name, company.Id, LeadSource.Discovery, now);
        lead.PrimaryContactId = contacts.FirstOrDefault()?.Id;
        db.Leads.Add(lead);
        var run = await db.DiscoveryRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == prospect.RunId, ct);
        var actor = await db.GetActorAsync();
        db.Notes.Add(new Note
        {
            SubjectType = NoteSubject.Lead,
            SubjectId = lead.Id,
            Body = Trail(prospect, profile, run),
            AuthorId = actor.UserId,
            AuthorName = actor.Name,
        });
        prospect.CompanyId = company.Id;
        prospect.LeadId = lead.Id;
        return lead;
    }

    // Named managing directors become contacts; the site's general address and number go on an office contact.
    private static List<Contact> Contacts(Company company, SiteProfile profile)
    {
        var contacts = new List<Contact>();
        foreach (var name in profile.Directors.Distinct().Take(3))
        {
            var parts = name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }
            var person = Contact.Named(parts[0], parts.Length > 1 ? parts[1] : null);
            (person.CompanyId, person.Role) = (company.Id, "Managing director");
            contacts.Add(person);
        }
        if (profile.Email is not null || profile.Phone is not null)
        {
            var office = Contact.Named("Office", company.Name);
            (office.CompanyId, office.Role) = (company.Id, "General contact");
            if (profile.Email is { } email)
            {
                office.Reach(IdentityKind.Email, email, true, "from website");
            }
            if (profile.Phone is { } phone)
            {
                office.Reach(IdentityKind.Phone, phone, true, "from website");
            }
            contacts.Add(office);
        }
        return contacts;
    }

    /// <summary>
    /// Why this lead exists, as Markdown. Everything from the web is in code spans, which Markdown never turns into
    /// links or markup.
    /// </summary>
    public static string Trail(Prospect p, SiteProfile? profile, DiscoveryRun? run)
    {
        var text = new StringBuilder();
        text.AppendLine(
            $"**Found by discovery**: run {Code(run?.Name ?? "?")} of {run?.CreatedAt:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(p.FoundBy switch
        {
            "query" => $"- Search {Code(p.FoundVia)}, rank {p.Rank}",
            "list" => $"- Directory list {Code(p.FoundVia)}",
            _ => $"- Researched on request: {Code(p.FoundVia)}",
        });
        if (p.Title is not null)
        {
            text.AppendLine($"- Result: {Code(p.Title)}" + (p.Snippet is null ? "" : $" {Code(p.Snippet)}"));
        }
        // Whole lines only, each value capped: a cut inside a code span would leave crawled text live.
        foreach (var fact in (profile?.Facts ?? []).Take(40))
        {
            if (text.Length > Note.BodyMax - 2000)
            {
                break;
            }
            text.AppendLine($"- {fact.Field}: {Code(fact.Value)} from {Code(fact.SourceUrl)} ({Code(fact.Method)})");
        }
        return text.ToString();
    }

    // A code span whose fence is longer than any run of backticks inside, on one line.
    private static string Code(string value)
    {
        value = value.Length > 300 ? value[..300] + "…" : value;
        var longest = 0;
        for (int i = 0, run = 0; i < value.Length; i++)
        {
            run = value[i] == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', longest + 1);
        return $"{fence} {value.ReplaceLineEndings(" ")} {fence}";
    }
}
