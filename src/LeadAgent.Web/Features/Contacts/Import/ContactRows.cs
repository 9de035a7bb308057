using LeadAgent.Web.Features.Companies.Import;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Imports;

namespace LeadAgent.Web.Features.Contacts.Import;

/// <summary>Contact rows, and the contact part of lead rows (fields prefixed <c>contact_</c>).</summary>
internal static class ContactRows
{
    public static RowResult Apply(ImportSession s, ImportRow r)
    {
        var (company, companyCreated) = CompanyRows.Referenced(s, r, required: false);
        var (contact, outcome) = Upsert(s, r, "", company?.Id, required: true);
        if (outcome == RowOutcome.Rejected)
        {
            return ImportSession.Rejected(r);
        }
        if (contact is not null && company is not null && contact.CompanyId is null)
        {
            contact.CompanyId = company.Id;
            s.Index(contact);
            outcome = outcome == RowOutcome.Unchanged ? RowOutcome.Updated : outcome;
        }
        return outcome switch
        {
            RowOutcome.Skipped when contact is not null => new(RowOutcome.Skipped, $"Duplicate of the existing contact \"{contact.FullName}\"."),
            RowOutcome.Skipped => new(RowOutcome.Skipped, "No existing contact matches this row."),
            RowOutcome.Unchanged when companyCreated => RowResult.Updated,
            _ => new(outcome),
        };
    }

    /// <summary>
    /// Finds the row's contact by the match key, its e-mail and phones, or its name at the company; creates or updates it
    /// according to the mode. Returns no contact and Unchanged when the row names no contact at all.
    /// </summary>
    public static (Contact? Contact, RowOutcome Outcome) Upsert(ImportSession s, ImportRow r, string prefix, Guid? companyId, bool required)
    {
        var country = r.KnownCountry("company_country");
        var email = r[prefix + "email"] is { } e ? Checked(r, prefix + "email", s.Cells.Email(e)) : null;
        var phone = s.Phone(r, prefix + "phone", country);
        var whatsapp = prefix.Length == 0 ? s.Phone(r, "whatsapp", country) : null;
        var handles = prefix.Length == 0
            ? new[] { ("instagram", IdentityKind.Instagram), ("facebook", IdentityKind.Facebook), ("linkedin", IdentityKind.LinkedIn) }
                .Select(h => (h.Item2, Value: r[h.Item1] is { } t ? Checked(r, h.Item1, ContactPoints.Handle(t)) : null)).Where(h => h.Value is not null).ToList()
            : [];
        var first = r.Text(prefix + "first_name", 100);
        var last = r.Text(prefix + "last_name", 100);
        var role = prefix.Length == 0 ? r.Text("role", 100) : null;
        var tags = prefix.Length == 0 ? ImportValues.SplitTags(r.Text("tags", 2000)) : [];
        var ext = prefix.Length == 0 ? r.Text("external_id", 100) : null;
        // "Jane Doe" in a single name column.
        if (first is not null && last is null && r[prefix + "last_name"] is null && first.Contains(' ', StringComparison.Ordinal))
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
        if (r.Errors.Count > 0)
        {
            return (null, RowOutcome.Rejected);
        }

        var identities = new List<(IdentityKind Kind, string Value)>();
        if (email is not null) { identities.Add((IdentityKind.Email, email)); }
        if (phone is not null) { identities.Add((IdentityKind.Phone, phone)); }
        if (whatsapp is not null) { identities.Add((IdentityKind.WhatsApp, whatsapp)); }
        identities.AddRange(handles.Select(h => (h.Item1, h.Value!)));
        var key = s.Run.Kind == ImportKind.Contacts ? s.Run.MatchKey : MatchKey.Email;
        var ordered = key == MatchKey.Phone ? identities.OrderBy(i => i.Kind == IdentityKind.Email) : identities.AsEnumerable();
        var contact = s.FindContact(ordered.Select(i => (string?)i.Value), ext, key, companyId, first, last);

        if (contact is null)
        {
            if (s.Run.Mode == ImportMode.UpdateOnly && s.Run.Kind == ImportKind.Contacts)
            {
                return (null, RowOutcome.Skipped);
            }
            contact = new Contact
            {
                FirstName = first ?? NameFromEmail(email) ?? "(unknown)",
                LastName = last,
                Role = role,
                CompanyId = companyId,
                Tags = ImportSession.WithTags([], tags) ?? [],
                ExternalId = ext,
            };
            foreach (var (kind, value) in identities)
            {
                contact.Identities.Add(new ContactIdentity { ContactId = contact.Id, Kind = kind, Value = value, IsPrimary = !contact.Identities.Any(i => i.Kind == kind) });
            }
            s.Create(contact);
            return (contact, RowOutcome.Created);
        }
        if (s.Run.Mode == ImportMode.CreateOnly && s.Run.Kind == ImportKind.Contacts)
        {
            return (contact, RowOutcome.Skipped);
        }
        if (s.Run.Mode == ImportMode.CreateOnly)
        {
            // A lead row in create-only mode links an existing contact as it is.
            return (contact, RowOutcome.Unchanged);
        }
        var changed = ImportSession.Set(contact.FirstName, first, v => contact.FirstName = v);
        changed |= ImportSession.Set(contact.LastName, last, v => contact.LastName = v);
        changed |= ImportSession.Set(contact.Role, role, v => contact.Role = v);
        changed |= ImportSession.Set(contact.ExternalId, ext, v => contact.ExternalId = v);
        if (ImportSession.WithTags(contact.Tags, tags) is { } merged)
        {
            contact.Tags = merged;
            changed = true;
        }
        foreach (var (kind, value) in identities.Where(i => !contact.Identities.Any(x => x.Value == i.Value) && s.OwnerOf(i.Value) is null))
        {
            var identity = new ContactIdentity { ContactId = contact.Id, Kind = kind, Value = value, IsPrimary = !contact.Identities.Any(i => i.Kind == kind) };
            contact.Identities.Add(identity);
            s.AddIdentity(identity);
            changed = true;
        }
        s.Index(contact);
        return (contact, changed ? RowOutcome.Updated : RowOutcome.Unchanged);
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
