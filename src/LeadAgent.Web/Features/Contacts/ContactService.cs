using System.Globalization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Contacts;

public sealed class ContactService(IDbContextFactory<AppDbContext> dbFactory, IOptions<CrmOptions> options)
{
    public async Task<ContactRow> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db.Contacts.Where(c => c.Id == id)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Contact", id);
    }

    /// <summary>Contacts in the asked order (by name unless told), keyset-paged.</summary>
    public async Task<Page<ContactRow>> ListAsync(ContactListQuery query,
        IReadOnlyList<CustomFieldCondition>? custom = null, CancellationToken ct = default)
    {
        var errors = new Errors();
        var limit = Cursor.ClampLimit(query.Limit, errors);
        var q = errors.Optional("q", query.Q, 200)?.ToLower(CultureInfo.InvariantCulture);
        var sort = ContactSorts.Columns.Parse(query.Sort, errors);
        errors.ThrowIfAny();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contacts = Filtered(db, query, q, custom);
        var total = await contacts.CountAsync(ct);
        return await sort.PageAsync(contacts, query.Cursor, limit, Rows, c => c.Id, total, ct);
    }

    /// <summary>
    /// The list's filters (also used by the export); <paramref name="q"/> is the validated, lower-cased search text.
    /// </summary>
    internal static IQueryable<Contact> Filtered(AppDbContext db, ContactListQuery query, string? q,
        IReadOnlyList<CustomFieldCondition>? custom)
    {
        var contacts = db.Contacts.AsNoTracking().Where(db, custom);
        if (query.IncludeArchived != true)
        {
            contacts = contacts.Where(c => c.ArchivedAt == null);
        }
        if (query.CompanyId is { } companyId)
        {
            contacts = contacts.Where(c => c.CompanyId == companyId);
        }
        if (q is not null)
        {
            contacts = contacts.Where(c => (c.FirstName + " " + (c.LastName ?? "")).ToLower().Contains(q)
                || c.Identities.Any(i => i.Value.Contains(q))
                || (c.Company != null && c.Company.Name.ToLower().Contains(q)));
        }
        return contacts;
    }

    public async Task<ContactRow> CreateAsync(ContactInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await ApplyAsync(db, null, input, ct);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return await GetAsync(contact.Id, ct);
    }

    public async Task<ContactRow> UpdateAsync(Guid id, ContactInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Contacts.Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Contact", id);
        LeadService.RequireVersion(db, contact, input.Version);
        await ApplyAsync(db, contact, input, ct);
        // Identity edits alone must still bump the contact's version.
        db.Entry(contact).Property(c => c.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<ContactRow> SetArchivedAsync(Guid id, bool archived, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Archiving.SetAsync<Contact>(db, id, archived, ct);
        return await GetAsync(id, ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var contact = await db.Contacts.Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new NotFoundException("Contact", id);
        db.Contacts.Remove(contact);
        await db.SaveChangesAsync(ct);
    }

    private static IQueryable<ContactRow> Rows(IQueryable<Contact> contacts) => contacts.Select(c => new ContactRow(
        c.Id, c.FirstName, c.LastName, c.FirstName + (c.LastName != null ? " " + c.LastName : ""), c.Role, c.CompanyId,
        c.Company != null ? c.Company.Name : null,
        c.Identities.OrderByDescending(i => i.IsPrimary).ThenBy(i => i.Kind)
            .Select(i => new IdentityDto(i.Kind, i.Value, i.Label, i.IsPrimary)).ToList(),
        c.Tags, c.CustomFields, c.CreatedAt, c.UpdatedAt, c.ArchivedAt, c.Version, c.MergedIntoId));

    // Validates the input, then applies it to the contact (a new one when there is none yet).
    private async Task<Contact> ApplyAsync(AppDbContext db, Contact? existing, ContactInput input, CancellationToken ct)
    {
        var errors = new Errors();
        var first = errors.Required("firstName", input.FirstName, Contact.FirstNameMax);
        var last = errors.Optional("lastName", input.LastName, Contact.LastNameMax);
        var role = errors.Optional("role", input.Role, Contact.RoleMax);
        if (input.CompanyId is { } companyId && !await db.Companies.AnyAsync(c => c.Id == companyId, ct))
        {
            errors.Add("companyId", "No company with this id.");
        }
        var tags = Tags.Normalize(input.Tags, errors);
        var custom = await CustomFieldInputs.NormalizeAsync(db, FieldRecord.Contact, input.CustomFields,
            existing?.CustomFields, errors, ct);
        var identities = new List<(IdentityKind Kind, string Value, string? Label, bool Primary)>();
        var list = input.Identities ?? [];
        if (list.Count > Contact.IdentitiesMax)
        {
            errors.Add("identities", "At most 50 identities.");
        }
        for (var i = 0; i < Math.Min(list.Count, Contact.IdentitiesMax); i++)
        {
            var field = $"identities[{i}]";
            var item = list[i];
            if (item?.Kind is not { } kind || !Enum.IsDefined(kind))
            {
                errors.Add(field + ".kind", $"Must be one of: {string.Join(", ", Enum.GetNames<IdentityKind>())}.");
                continue;
            }
            var (value, error) = kind switch
            {
                IdentityKind.Email => ContactPoints.Email(item.Value),
                IdentityKind.Phone or IdentityKind.WhatsApp =>
                    ContactPoints.Phone(item.Value, options.Value.DefaultPhoneRegion),
                _ => ContactPoints.Handle(item.Value),
            };
            var label = errors.Optional(field + ".label", item.Label, ContactIdentity.LabelMax);
            if (error is not null)
            {
                errors.Add(field + ".value", error);
            }
            else if (!identities.Any(x => x.Kind == kind && x.Value == value))
            {
                identities.Add((kind, value!, label, item.IsPrimary));
            }
        }
        errors.ThrowIfAny();

        var contact = existing ?? Contact.Named(first!);
        contact.FirstName = first!;
        contact.LastName = last;
        contact.Role = role;
        contact.CompanyId = input.CompanyId;
        contact.Tags = tags;
        contact.CustomFields = custom;
        // Replace the identity set, keeping rows that did not change so the log only shows real edits.
        var dropped = contact.Identities.Where(o => !identities.Any(n => n.Kind == o.Kind && n.Value == o.Value));
        foreach (var old in dropped.ToList())
        {
            contact.Identities.Remove(old);
            db.ContactIdentities.Remove(old);
        }
        foreach (var (kind, value, label, primary) in identities)
        {
            var same = contact.Identities.FirstOrDefault(o => o.Kind == kind && o.Value == value);
            if (same is null)
            {
                contact.Reach(kind, value, primary, label);
            }
            else
            {
                same.Label = label;
                same.IsPrimary = primary;
            }
        }
        return contact;
    }
}
