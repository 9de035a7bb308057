using System.Globalization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Search;

public enum SearchKind { Company, Contact, Lead, Conversation }

/// <summary>One thing found: what it is, what to call it, one line about it, and where it lives in the app.</summary>
public sealed record SearchHit(SearchKind Kind, Guid Id, string Title, string? Detail, string Url);

public sealed record SearchResult(string Query, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// Finds companies (name, domain, city), contacts (name, e-mail, phone), leads (title) and conversations (name,
/// phone, e-mail, message text) for the search box and the Ctrl+K palette. Archived and merged records stay out;
/// names that start with the words typed come before names that only contain them. Queries of three characters or
/// more go through the trigram indexes (<see cref="SearchCandidates"/>); two-letter ones scan.
/// </summary>
public sealed class GlobalSearch(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MinLength = 2, MaxLength = 200, DefaultPerKind = 5, MaxPerKind = 25;

    public async Task<SearchResult> FindAsync(string? query, int? perKind, CancellationToken ct)
    {
        var errors = new Errors();
        var q = errors.Optional("q", query?.Trim(), MaxLength)?.ToLower(CultureInfo.InvariantCulture) ?? "";
        if (q.Length < MinLength)
        {
            errors.Add("q", $"Type at least {MinLength} characters.");
        }
        var take = perKind ?? DefaultPerKind;
        if (take is < 1 or > MaxPerKind)
        {
            errors.Add("limit", $"Between 1 and {MaxPerKind}.");
        }
        errors.ThrowIfAny();
        // Phone numbers are stored as +4915112345678: a query that looks like one matches by its digits, whatever
        // the spacing typed.
        var digits = new string(q.Where(char.IsAsciiDigit).ToArray());
        var phone = digits.Length >= 4 && q.All(c => char.IsAsciiDigit(c) || " +-()/.".Contains(c)) ? digits : null;

        // A context per search: the palette may start one while the last is still running.
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var index = SearchCandidates.CanUse(q) ? new SearchCandidates(db, q, ct) : null;
        var hits = new List<SearchHit>();
        hits.AddRange(await CompaniesAsync(db, q, index is null ? null : await index.CompaniesAsync(take), take, ct));
        hits.AddRange(await ContactsAsync(db, q, phone,
            index is null ? null : await index.ContactsAsync(phone, take), take, ct));
        hits.AddRange(await LeadsAsync(db, q, index is null ? null : await index.LeadsAsync(take), take, ct));
        hits.AddRange(await ConversationsAsync(db, q, phone,
            index is null ? null : await index.ConversationsAsync(phone, take), take, ct));
        return new SearchResult(query!.Trim(), hits);
    }

    // With ids from the index the rows are read by id and keep the index's order; without (a two-letter query) the
    // table is scanned.
    private static async Task<IEnumerable<SearchHit>> CompaniesAsync(
        AppDbContext db, string q, List<Guid>? ids, int take, CancellationToken ct)
    {
        var companies = db.Companies.AsNoTracking();
        var rows = await (ids is not null ? companies.Where(c => ids.Contains(c.Id))
                : companies.Where(c => c.ArchivedAt == null && c.MergedIntoId == null)
                    .Where(c => c.Name.ToLower().Contains(q) || (c.Domain != null && c.Domain.Contains(q))
                        || (c.City != null && c.City.ToLower().Contains(q)))
                    .OrderBy(c => c.Name.ToLower().StartsWith(q) ? 0 : 1).ThenBy(c => c.Name).Take(take))
            .Select(c => new { c.Id, c.Name, c.Domain, c.City, c.Country })
            .ToListAsync(ct);
        return InOrder(rows, r => r.Id, ids).Select(c => new SearchHit(SearchKind.Company, c.Id, c.Name,
            Join(c.Domain, Join(c.City, c.Country, ", ")), $"/companies/{c.Id}"));
    }

    private static async Task<IEnumerable<SearchHit>> ContactsAsync(
        AppDbContext db, string q, string? phone, List<Guid>? ids, int take, CancellationToken ct)
    {
        var contacts = db.Contacts.AsNoTracking();
        var rows = await (ids is not null ? contacts.Where(c => ids.Contains(c.Id))
                : contacts.Where(c => c.ArchivedAt == null && c.MergedIntoId == null)
                    .Where(c => (c.FirstName + " " + (c.LastName ?? "")).ToLower().Contains(q)
                        || c.Identities.Any(i => (i.Kind != IdentityKind.RespondIo && i.Value.Contains(q))
                            || (phone != null && i.Kind == IdentityKind.Phone && i.Value.Contains(phone))))
                    .OrderBy(c => c.FirstName.ToLower().StartsWith(q) ? 0 : 1).ThenBy(c => c.FirstName)
                    .ThenBy(c => c.LastName).Take(take))
            .Select(c => new
            {
                c.Id,
                c.FirstName,
                c.LastName,
                Company = c.Company == null ? null : c.Company.Name,
                Point = c.Identities.Where(i => i.Kind != IdentityKind.RespondIo).OrderByDescending(i => i.IsPrimary)
                    .Select(i => i.Value).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return InOrder(rows, r => r.Id, ids).Select(c => new SearchHit(SearchKind.Contact, c.Id,
            Join(c.FirstName, c.LastName, " ")!, Join(c.Company, c.Point), $"/contacts/{c.Id}"));
    }

    private static async Task<IEnumerable<SearchHit>> LeadsAsync(
        AppDbContext db, string q, List<Guid>? ids, int take, CancellationToken ct)
    {
        var leads = db.Leads.AsNoTracking();
        var rows = await (ids is not null ? leads.Where(l => ids.Contains(l.Id))
                : leads.Where(l => l.ArchivedAt == null && l.Title.ToLower().Contains(q))
                    .OrderBy(l => l.Title.ToLower().StartsWith(q) ? 0 : 1).ThenByDescending(l => l.UpdatedAt)
                    .Take(take))
            .Select(l => new { l.Id, l.Title, l.Status, Company = l.Company!.Name })
            .ToListAsync(ct);
        return InOrder(rows, r => r.Id, ids).Select(l => new SearchHit(SearchKind.Lead, l.Id, l.Title,
            Join(l.Company, l.Status.ToString()), $"/leads/{l.Id}"));
    }

    private static async Task<IEnumerable<SearchHit>> ConversationsAsync(
        AppDbContext db, string q, string? phone, List<Guid>? ids, int take, CancellationToken ct)
    {
        var messages = db.Messages;
        var conversations = db.Conversations.AsNoTracking();
        var rows = await (ids is not null ? conversations.Where(c => ids.Contains(c.Id))
                : conversations.Where(c => c.DisplayName.ToLower().Contains(q)
                        || (c.Email != null && c.Email.Contains(q))
                        || (phone != null && c.Phone != null && c.Phone.Contains(phone))
                        || messages.Any(m => m.ConversationId == c.Id && m.Text != null
                            && m.Text.ToLower().Contains(q)))
                    .OrderByDescending(c => c.LastMessageAt).Take(take))
            .Select(c => new
            {
                c.Id,
                c.LastMessageAt,
                Name = c.Contact == null ? c.DisplayName : c.Contact.FirstName + " " + (c.Contact.LastName ?? ""),
                c.LastMessagePreview,
                Channel = c.Channel!.Name,
            })
            .ToListAsync(ct);
        // Newest conversation first, however it was found.
        return rows.OrderByDescending(c => c.LastMessageAt).Select(c => new SearchHit(SearchKind.Conversation, c.Id,
            c.Name.Trim(), Join(c.Channel, c.LastMessagePreview), $"/inbox/{c.Id}"));
    }

    private static IEnumerable<T> InOrder<T>(List<T> rows, Func<T, Guid> id, List<Guid>? ids) =>
        ids is null ? rows : rows.OrderBy(r => ids.IndexOf(id(r)));

    private static string? Join(string? a, string? b, string separator = " · ") =>
        string.IsNullOrWhiteSpace(a) ? (string.IsNullOrWhiteSpace(b) ? null : b)
        : string.IsNullOrWhiteSpace(b) ? a : a + separator + b;
}
