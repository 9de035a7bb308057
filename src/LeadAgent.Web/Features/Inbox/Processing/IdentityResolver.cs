using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Processing;

/// <summary>The outcome of matching a sender: one contact, or several candidates for a person to choose from.</summary>
public sealed record Resolution(Guid? ContactId, MatchState Match, IReadOnlyList<Guid> Candidates, bool Created);

/// <summary>
/// Matches a message sender to a CRM contact: by the provider's contact id (remembered as an identity), then the
/// normalised phone number (E.164), then the e-mail address. Several contacts on one level is ambiguous: the
/// conversation waits in the review list instead of being attached to the wrong person. An unknown sender becomes a
/// new contact with a new lead (source "inbound message"), under the company of a business e-mail domain when there is
/// one, else under a company named after the person, tagged "inbound" for the team to tidy.
/// </summary>
public sealed class IdentityResolver(AppDbContext db, string defaultRegion)
{
    private static readonly HashSet<string> FreeMailDomains =
    [
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.de", "yahoo.co.uk", "hotmail.com", "hotmail.de",
            "outlook.com", "live.com",
        "msn.com", "icloud.com", "me.com", "aol.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "web.de", "t-online.de",
            "proton.me",
        "protonmail.com", "mail.ru", "yandex.ru", "orange.fr", "free.fr", "laposte.net", "bluewin.ch",
    ];

    private readonly Dictionary<string, Resolution> _known = [];
    // Added in this unit of work and not saved yet. Kept here rather than read from DbSet.Local, which runs change
    // detection over everything tracked on each access (quadratic in a batch).
    private readonly List<ContactIdentity> _added = [];
    private readonly Dictionary<string, Company> _companies = [];

    public static string? Phone(InboundContact c, string defaultRegion) =>
        c.Phone is null ? null : ContactPoints.Phone(c.Phone, c.CountryCode is { Length: 2 } cc ? cc
            : defaultRegion).Value;

    public static string? Email(InboundContact c) => ContactPoints.Email(c.Email).Value;

    public async Task<Resolution> ResolveAsync(string provider, InboundContact sender, ChannelKind channel,
        CancellationToken ct)
    {
        var key = $"{provider}:{sender.Id}";
        if (_known.TryGetValue(key, out var known))
        {
            return known;
        }
        var resolution = await FindAsync(provider, sender, ct) ?? await CreateAsync(provider, sender, channel, ct);
        _known[key] = resolution;
        return resolution;
    }

    /// <summary>Links a provider contact id to a CRM contact so the next message matches directly.</summary>
    public async Task LinkAsync(string provider, string externalId, Guid contactId, CancellationToken ct)
    {
        var kind = IdentityKind.RespondIo;
        var value = ProviderValue(provider, externalId);
        if (!_added.Any(i => i.ContactId == contactId && i.Kind == kind && i.Value == value)
            && !await db.ContactIdentities.AnyAsync(i => i.ContactId == contactId && i.Kind == kind && i.Value == value,
                ct))
        {
            _added.Add(db.ContactIdentities.Add(new ContactIdentity
            {
                ContactId = contactId,
                Kind = kind,
                Value = value,
                Label = provider
            }).Entity);
        }
        _known[$"{provider}:{externalId}"] = new Resolution(contactId, MatchState.Matched, [], false);
    }

    // Sandbox senders get their own id space so they never match a real Respond.io contact.
    // The first provider's ids were stored bare; later providers' are prefixed with their key (stored data, kept).
    private static string ProviderValue(string provider, string externalId) =>
        provider == BareIdProvider ? externalId : $"{provider}:{externalId}";

    private const string BareIdProvider = "respondio";

    private async Task<Resolution?> FindAsync(string provider, InboundContact sender, CancellationToken ct)
    {
        var byId = await ContactsWith([IdentityKind.RespondIo], ProviderValue(provider, sender.Id), ct);
        if (byId.Count == 1)
        {
            return new Resolution(byId[0], MatchState.Matched, [], false);
        }
        foreach (var (kinds, value) in new[] { (new[] { IdentityKind.Phone, IdentityKind.WhatsApp },
            Phone(sender, defaultRegion)), ([IdentityKind.Email], Email(sender)) })
        {
            if (value is null)
            {
                continue;
            }
            var found = await ContactsWith(kinds, value, ct);
            if (found.Count == 1)
            {
                await LinkAsync(provider, sender.Id, found[0], ct);
                return new Resolution(found[0], MatchState.Matched, [], false);
            }
            if (found.Count > 1)
            {
                return new Resolution(null, MatchState.Ambiguous, found.Take(10).ToList(), false);
            }
        }
        return byId.Count > 1 ? new Resolution(null, MatchState.Ambiguous, byId.Take(10).ToList(), false) : null;
    }

    private async Task<List<Guid>> ContactsWith(IdentityKind[] kinds, string value, CancellationToken ct)
    {
        var saved = await db.ContactIdentities.Where(i => i.Value == value && kinds.Contains(i.Kind))
            .Join(db.Contacts.Where(c => c.ArchivedAt == null), i => i.ContactId, c => c.Id, (i, c) => c.Id)
            .Distinct().ToListAsync(ct);
        // Contacts created earlier in the same batch are not in the database yet.
        return saved.Concat(_added.Where(i => i.Value == value && kinds.Contains(i.Kind))
            .Select(i => i.ContactId)).Distinct().ToList();
    }

    private async Task<Resolution> CreateAsync(string provider, InboundContact sender, ChannelKind channel,
        CancellationToken ct)
    {
        var email = Email(sender);
        var phone = Phone(sender, defaultRegion);
        var company = await CompanyForAsync(sender, email, ct);
        // The records' own factories: names cut to their columns, identities attached to the contact.
        var contact = Contact.Named(sender.FirstName ?? sender.Name, sender.FirstName is null ? null : sender.LastName);
        contact.CompanyId = company.Id;
        contact.Tags = ["inbound"];
        contact.Reach(IdentityKind.RespondIo, ProviderValue(provider, sender.Id), isPrimary: false, label: provider);
        if (phone is not null)
        {
            contact.Reach(channel == ChannelKind.WhatsApp ? IdentityKind.WhatsApp : IdentityKind.Phone, phone,
                isPrimary: true);
        }
        if (email is not null)
        {
            contact.Reach(IdentityKind.Email, email, isPrimary: phone is null);
        }
        db.Contacts.Add(contact);
        _added.AddRange(contact.Identities);
        var lead = Lead.Open($"Inbound {channel}: {sender.Name}", company.Id, LeadSource.InboundMessage,
            db.Time.GetUtcNow().UtcDateTime);
        lead.PrimaryContactId = contact.Id;
        lead.Tags = ["inbound"];
        db.Leads.Add(lead);
        return new Resolution(contact.Id, MatchState.Matched, [], true);
    }

    private async Task<Company> CompanyForAsync(InboundContact sender, string? email, CancellationToken ct)
    {
        var domain = email?.Split('@')[1];
        if (domain is not null && !FreeMailDomains.Contains(domain) && DomainName
            .Registrable(domain) is { } registrable)
        {
            var existing = _companies.GetValueOrDefault(registrable) ?? await db.Companies.FirstOrDefaultAsync(c =>
                c.Domain == registrable, ct);
            if (existing is not null)
            {
                return _companies[registrable] = existing;
            }
            var label = registrable.Split('.')[0];
            var named = Company.Named(char.ToUpperInvariant(label[0]) + label[1..]);
            named.Website = "https://" + registrable;
            named.Domain = registrable;
            named.Country = sender.CountryCode?.ToUpperInvariant() is { Length: 2 } cc ? cc : null;
            named.Tags = ["inbound"];
            return _companies[registrable] = db.Companies.Add(named).Entity;
        }
        var company = Company.Named(sender.Name);
        company.Country = sender.CountryCode?.ToUpperInvariant() is { Length: 2 } country ? country : null;
        company.Tags = ["inbound", "no-company-yet"];
        return db.Companies.Add(company).Entity;
    }
}
