using LeadAgent.Web.Features.Companies.Import;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Contacts.Import;

/// <summary>
/// Contact rows, and the contact part of lead rows (fields prefixed <c>contact_</c>). Holds the batch's contacts by
/// id, by each e-mail, phone and handle, by external id and by company: loaded up front, and new ones added as rows
/// create them.
/// </summary>
internal sealed class ContactRows(ImportBatch batch, CompanyRows companies)
{
    private static readonly (string Field, IdentityKind Kind)[] HandleFields =
    [
        ("instagram", IdentityKind.Instagram), ("facebook", IdentityKind.Facebook), ("linkedin", IdentityKind.LinkedIn),
    ];

    private readonly Dictionary<string, Contact> _byIdentity = [], _byExternalId = [];
    private readonly Dictionary<Guid, Contact> _byId = [];
    private readonly Dictionary<Guid, List<Contact>> _byCompany = [];

    /// <summary>Loads the contacts the rows may match: by identity, at the loaded companies, by external id.</summary>
    public async Task LoadAsync(List<string> identities, List<Guid> companyIds, List<string> externalIds,
        CancellationToken ct)
    {
        var db = batch.Db;
        var ids = await db.ContactIdentities.Where(i => EF.Parameter(identities).Contains(i.Value))
            .Select(i => i.ContactId).ToListAsync(ct);
        if (companyIds.Count > 0)
        {
            ids.AddRange(await db.Contacts.Where(c => EF.Parameter(companyIds).Contains(c.CompanyId!.Value))
                .Select(c => c.Id).ToListAsync(ct));
        }
        if (externalIds.Count > 0)
        {
            ids.AddRange(await db.Contacts.Where(c => EF.Parameter(externalIds).Contains(c.ExternalId!))
                .Select(c => c.Id).ToListAsync(ct));
        }
        ids = ids.Distinct().ToList();
        if (ids.Count > 0)
        {
            var contacts = await db.Contacts.Include(c => c.Identities).AsSplitQuery()
                .Where(c => EF.Parameter(ids).Contains(c.Id)).ToListAsync(ct);
            contacts.ForEach(Index);
        }
    }

    public RowResult Apply(ImportRow r)
    {
        var (company, companyCreated) = companies.Referenced(r, required: false);
        var (contact, outcome) = Upsert(r, "", company?.Id, required: true);
        if (outcome == RowOutcome.Rejected)
        {
            return RowResult.Rejected(r);
        }
        if (contact is not null && company is not null && contact.CompanyId is null)
        {
            contact.CompanyId = company.Id;
            Index(contact);
            outcome = outcome == RowOutcome.Unchanged ? RowOutcome.Updated : outcome;
        }
        return outcome switch
        {
            RowOutcome.Skipped when contact is not null =>
                new(RowOutcome.Skipped, $"Duplicate of the existing contact \"{contact.FullName}\"."),
            RowOutcome.Skipped => new(RowOutcome.Skipped, "No existing contact matches this row."),
            RowOutcome.Unchanged when companyCreated => RowResult.Updated,
            _ => new(outcome),
        };
    }

    /// <summary>
    /// Finds the row's contact by the match key, its e-mail and phones, or its name at the company; creates or updates
    /// it according to the mode. Returns no contact and Unchanged when the row names no contact at all.
    /// </summary>
    public (Contact? Contact, RowOutcome Outcome) Upsert(ImportRow r, string prefix, Guid? companyId, bool required)
    {
        var run = batch.Run;
        var country = r.KnownCountry("company_country");
        var email = r[prefix + "email"] is { } e ? Checked(r, prefix + "email", batch.Cells.Email(e)) : null;
        var phone = batch.Phone(r, prefix + "phone", country);
        var whatsapp = prefix.Length == 0 ? batch.Phone(r, "whatsapp", country) : null;
        var handles = prefix.Length == 0
            ? HandleFields
                .Select(h => (h.Kind, Value: r[h.Field] is { } t ? Checked(r, h.Field, ContactPoints.Handle(t)) : null))
                .Where(h => h.Value is not null).ToList()
            : [];
        var first = r.Text(prefix + "first_name", Contact.FirstNameMax);
        var last = r.Text(prefix + "last_name", Contact.LastNameMax);
        var role = prefix.Length == 0 ? r.Text("role", Contact.RoleMax) : null;
        var tags = prefix.Length == 0 ? r.Tags() : [];
        var ext = prefix.Length == 0 ? r.Text("external_id", Contact.ExternalIdMax) : null;
        // "Jane Doe" in a single name column.
        if (first is not null && last is null && r[prefix + "last_name"] is null
            && first.Contains(' ', StringComparison.Ordinal))
        {
            (first, last) = (first[..first.LastIndexOf(' ')], first[(first.LastIndexOf(' ') + 1)..]);
        }
        if (first is null && email is null && phone is null && whatsapp is null && handles.Count == 0)
        {
            if (required)
            {
                r.Error(prefix + "first_name", "A contact needs a name, an e-mail address or a phone number.");
            }
            return (null, required ? RowOutcome.Rejected : RowOutcome.Unchanged);
        }
        // A lead row's custom columns are the lead's.
        var custom = run.Kind == ImportKind.Contacts ? r.Custom(batch.CustomTypes) : null;
        if (r.Errors.Count > 0)
        {
            return (null, RowOutcome.Rejected);
        }

        var identities = new List<(IdentityKind Kind, string Value)>();
        if (email is not null) { identities.Add((IdentityKind.Email, email)); }
        if (phone is not null) { identities.Add((IdentityKind.Phone, phone)); }
        if (whatsapp is not null) { identities.Add((IdentityKind.WhatsApp, whatsapp)); }
        identities.AddRange(handles.Select(h => (h.Kind, h.Value!)));
        var key = run.Kind == ImportKind.Contacts ? run.MatchKey : MatchKey.Email;
        var ordered = key == MatchKey.Phone
            ? identities.OrderBy(i => i.Kind == IdentityKind.Email) : identities.AsEnumerable();
        var contact = Find(ordered.Select(i => (string?)i.Value), ext, key, companyId, first, last);

        if (contact is null)
        {
            if (run.Mode == ImportMode.UpdateOnly && run.Kind == ImportKind.Contacts)
            {
                return (null, RowOutcome.Skipped);
            }
            contact = Contact.Named(first ?? NameFromEmail(email) ?? "(unknown)", last);
            contact.Role = role;
            contact.CompanyId = companyId;
            contact.Tags = ImportValues.WithTags([], tags) ?? [];
            contact.ExternalId = ext;
            contact.CustomFields = custom ?? [];
            foreach (var (kind, value) in identities)
            {
                contact.Reach(kind, value, isPrimary: contact.LacksKind(kind));
            }
            Create(contact);
            return (contact, RowOutcome.Created);
        }
        if (run.Mode == ImportMode.CreateOnly && run.Kind == ImportKind.Contacts)
        {
            return (contact, RowOutcome.Skipped);
        }
        if (run.Mode == ImportMode.CreateOnly)
        {
            // A lead row in create-only mode links an existing contact as it is.
            return (contact, RowOutcome.Unchanged);
        }
        var changed = ImportValues.Set(contact.FirstName, first, v => contact.FirstName = v);
        changed |= ImportValues.Set(contact.LastName, last, v => contact.LastName = v);
        changed |= ImportValues.Set(contact.Role, role, v => contact.Role = v);
        changed |= ImportValues.Set(contact.ExternalId, ext, v => contact.ExternalId = v);
        if (ImportValues.WithTags(contact.Tags, tags) is { } merged)
        {
            contact.Tags = merged;
            changed = true;
        }
        if (ImportValues.WithCustom(contact.CustomFields, custom) is { } values)
        {
            contact.CustomFields = values;
            changed = true;
        }
        foreach (var (kind, value) in identities)
        {
            if (contact.Identities.Exists(x => x.Value == value) || _byIdentity.ContainsKey(value))
            {
                continue;
            }
            AddIdentity(contact.Reach(kind, value, isPrimary: contact.LacksKind(kind)));
            changed = true;
        }
        Index(contact);
        return (contact, changed ? RowOutcome.Updated : RowOutcome.Unchanged);
    }

    private void Create(Contact c)
    {
        batch.Add(c);
        Index(c);
        c.Identities.ForEach(AddIdentity);
    }

    /// <summary>
    /// A new way to reach a contact: inserted with a new contact, or saved as a logged change of an existing one.
    /// </summary>
    private void AddIdentity(ContactIdentity identity)
    {
        if (batch.IsNew(identity))
        {
            return;
        }
        if (_byId.TryGetValue(identity.ContactId, out var contact) && batch.IsNew(contact))
        {
            batch.Add(identity);
        }
        else
        {
            batch.Db.ContactIdentities.Add(identity);
        }
    }

    private void Index(Contact c)
    {
        _byId.TryAdd(c.Id, c);
        foreach (var i in c.Identities)
        {
            _byIdentity.TryAdd(i.Value, c);
        }
        if (c.ExternalId is not null)
        {
            _byExternalId.TryAdd(c.ExternalId, c);
        }
        if (c.CompanyId is { } companyId)
        {
            if (!_byCompany.TryGetValue(companyId, out var list))
            {
                _byCompany[companyId] = list = [];
            }
            if (!list.Contains(c))
            {
                list.Add(c);
            }
        }
    }

    private Contact? Find(IEnumerable<string?> identities, string? externalId, MatchKey key, Guid? companyId,
        string? firstName, string? lastName)
    {
        if (key == MatchKey.ExternalId && externalId is not null
            && _byExternalId.TryGetValue(externalId, out var byExt))
        {
            return byExt;
        }
        foreach (var id in identities)
        {
            if (id is not null && _byIdentity.TryGetValue(id, out var c))
            {
                return c;
            }
        }
        if (companyId is { } cid && firstName is not null && _byCompany.TryGetValue(cid, out var colleagues))
        {
            return colleagues.FirstOrDefault(p =>
                string.Equals(p.FirstName, firstName, StringComparison.OrdinalIgnoreCase)
                && string.Equals(p.LastName ?? "", lastName ?? "", StringComparison.OrdinalIgnoreCase));
        }
        return null;
    }

    private static string? Checked(ImportRow r, string field, (string? Value, string? Error) parsed)
    {
        if (parsed.Error is not null)
        {
            r.Error(field, parsed.Error);
        }
        return parsed.Value;
    }

    private static string? NameFromEmail(string? email)
    {
        var local = email?[..email.IndexOf('@')].Split('.', '_', '-', '+')[0];
        return string.IsNullOrEmpty(local) ? null : char.ToUpperInvariant(local[0]) + local[1..];
    }
}
