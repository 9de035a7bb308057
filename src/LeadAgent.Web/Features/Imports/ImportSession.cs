using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Companies.Import;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Contacts.Import;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Leads.Import;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Features.Orders.Import;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// One batch of an import: the records its rows may match are loaded with a few IN queries up front, rows are then
/// matched and applied in memory (new records are indexed too, so a file never creates the same company twice),
/// and the caller saves the batch in one transaction. Existing records are tracked by the context, so their changes
/// are logged field by field; new ones are only collected here and inserted in bulk, named on the record as made
/// by this run (<see cref="IImported"/>).
/// </summary>
internal sealed class ImportSession(AppDbContext db, ImportRun run, IReadOnlyDictionary<string, string> ownersByEmail, NormalizedCells cells)
{
    private readonly Dictionary<string, Company> _companyByDomain = [], _companyByExt = [], _companyByPhone = [];
    private readonly Dictionary<string, List<Company>> _companyByName = [];
    private readonly Dictionary<string, Contact> _contactByIdentity = [], _contactByExt = [];
    private readonly Dictionary<Guid, Contact> _contactById = [];
    private readonly Dictionary<Guid, List<Contact>> _contactsByCompany = [];
    private readonly Dictionary<Guid, List<Lead>> _leadsByCompany = [];
    private readonly Dictionary<string, Lead> _leadByExt = [];
    private readonly Dictionary<string, Order> _orderByNumber = [], _orderByExt = [];

    private static readonly string[] HandleFields = ["instagram", "facebook", "linkedin"];

    private readonly List<object> _newCompanies = [], _newContacts = [], _newIdentities = [], _newLeads = [];
    private readonly HashSet<object> _new = new(ReferenceEqualityComparer.Instance);

    public AppDbContext Db => db;
    public NormalizedCells Cells => cells;
    public ImportRun Run => run;
    public IReadOnlyDictionary<string, string> Owners => ownersByEmail;
    public HashSet<Guid> OrderCompanies { get; } = [];

    /// <summary>The records this batch creates, parents before their dependents.</summary>
    public IReadOnlyList<IReadOnlyList<object>> Created => [_newCompanies, _newContacts, _newIdentities, _newLeads];

    /// <summary>The companies created so far, in order.</summary>
    public IReadOnlyList<Company> NewCompanies => _newCompanies.Cast<Company>().ToList();

    public void Create(Company c) => Collect(c, _newCompanies, () => Index(c));

    public void Create(Contact c)
    {
        Collect(c, _newContacts, () => Index(c));
        c.Identities.ForEach(AddIdentity);
    }

    public void Create(Lead l) => Collect(l, _newLeads, () => Index(l));

    /// <summary>A new way to reach a contact: inserted with a new contact, or saved as a logged change of an existing one.</summary>
    public void AddIdentity(ContactIdentity identity)
    {
        if (_new.Contains(identity))
        {
            return;
        }
        if (_contactById.TryGetValue(identity.ContactId, out var contact) && _new.Contains(contact))
        {
            _new.Add(identity);
            _newIdentities.Add(identity);
        }
        else
        {
            db.ContactIdentities.Add(identity);
        }
    }

    private void Collect<T>(T record, List<object> list, Action index) where T : class, IImported
    {
        record.ImportRunId = run.Id;
        _new.Add(record);
        list.Add(record);
        index();
    }

    /// <summary>Users by lower-case e-mail, for the owner column of lead rows.</summary>
    public static Task<Dictionary<string, string>> OwnersAsync(AppDbContext db, CancellationToken ct) =>
        db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!.ToLower(), u => u.Id, ct);

    /// <summary>Matches and applies one row according to the run's kind; nothing is saved here.</summary>
    public RowResult Apply(ImportRow row) => run.Kind switch
    {
        ImportKind.Companies => CompanyRows.Apply(this, row),
        ImportKind.Contacts => ContactRows.Apply(this, row),
        ImportKind.Leads => LeadRows.Apply(this, row),
        ImportKind.Orders => OrderRows.Apply(this, row),
        _ => throw new InvalidOperationException($"Unknown import kind {run.Kind}."),
    };

    public async Task PreloadAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var domains = new HashSet<string>();
        var names = new HashSet<string>();
        var phones = new HashSet<string>();
        var identities = new HashSet<string>();
        var ext = new HashSet<string>();
        var numbers = new HashSet<string>();
        foreach (var r in rows)
        {
            if (cells.Website(r["website"] ?? r["company_domain"]).Domain is { } d)
            {
                domains.Add(d);
            }
            var name = cells.NameKey(r["name"] ?? r["company_name"]);
            if (name.Length > 0)
            {
                names.Add(name);
            }
            var region = cells.Region(r);
            foreach (var f in NormalizedCells.PhoneFields)
            {
                if (r[f] is { } p && cells.Phone(p, region).Value is { } e164)
                {
                    phones.Add(e164);
                    identities.Add(e164);
                }
            }
            foreach (var f in NormalizedCells.EmailFields)
            {
                if (r[f] is { } text && cells.Email(text).Value is { } email)
                {
                    identities.Add(email);
                }
            }
            foreach (var f in HandleFields)
            {
                if (ContactPoints.Handle(r[f]).Value is { } h)
                {
                    identities.Add(h);
                }
            }
            if (r["external_id"] is { } x)
            {
                ext.Add(x);
            }
            if (r["number"] is { } n)
            {
                numbers.Add(n);
            }
        }

        // One indexed lookup per key, each with its values as a single array parameter: an OR of large IN lists
        // makes the database scan and EF compile a new query for every list length.
        var domainList = domains.ToList();
        var nameList = names.ToList();
        var extList = ext.ToList();
        var phoneList = phones.ToList();
        var companies = await db.Companies.Where(c => EF.Parameter(domainList).Contains(c.Domain!)).ToListAsync(ct);
        companies.AddRange(await db.Companies.Where(c => EF.Parameter(nameList).Contains(c.NameKey)).ToListAsync(ct));
        if (extList.Count > 0)
        {
            companies.AddRange(await db.Companies.Where(c => EF.Parameter(extList).Contains(c.ExternalId!)).ToListAsync(ct));
        }
        // Companies are matched by phone only in a company import keyed on phone (see FindCompany).
        if (phoneList.Count > 0 && run.Kind == ImportKind.Companies && run.MatchKey == MatchKey.Phone)
        {
            companies.AddRange(await db.Companies.Where(c => EF.Parameter(phoneList).Contains(c.Phone!)).ToListAsync(ct));
        }
        companies.ForEach(Index);
        var companyIds = companies.Select(c => c.Id).Distinct().ToList();

        var identityList = identities.ToList();
        var contactIds = await db.ContactIdentities.Where(i => EF.Parameter(identityList).Contains(i.Value)).Select(i => i.ContactId).ToListAsync(ct);
        if (companyIds.Count > 0)
        {
            contactIds.AddRange(await db.Contacts.Where(c => EF.Parameter(companyIds).Contains(c.CompanyId!.Value)).Select(c => c.Id).ToListAsync(ct));
        }
        if (extList.Count > 0)
        {
            contactIds.AddRange(await db.Contacts.Where(c => EF.Parameter(extList).Contains(c.ExternalId!)).Select(c => c.Id).ToListAsync(ct));
        }
        contactIds = contactIds.Distinct().ToList();
        if (contactIds.Count > 0)
        {
            var contacts = await db.Contacts.Include(c => c.Identities).AsSplitQuery().Where(c => EF.Parameter(contactIds).Contains(c.Id)).ToListAsync(ct);
            contacts.ForEach(Index);
        }

        if (run.Kind == ImportKind.Leads)
        {
            var leads = companyIds.Count > 0 ? await db.Leads.Where(l => EF.Parameter(companyIds).Contains(l.CompanyId)).ToListAsync(ct) : [];
            if (extList.Count > 0)
            {
                leads.AddRange(await db.Leads.Where(l => EF.Parameter(extList).Contains(l.ExternalId!)).ToListAsync(ct));
            }
            leads.ForEach(Index);
        }
        if (run.Kind == ImportKind.Orders)
        {
            var numberList = numbers.ToList();
            var orders = await db.Orders.Include(o => o.Lines).AsSplitQuery().Where(o => EF.Parameter(numberList).Contains(o.Number)).ToListAsync(ct);
            if (extList.Count > 0)
            {
                orders.AddRange(await db.Orders.Include(o => o.Lines).AsSplitQuery().Where(o => EF.Parameter(extList).Contains(o.ExternalId!)).ToListAsync(ct));
            }
            orders.ForEach(Index);
        }
    }

    public void Index(Company c)
    {
        if (c.Domain is not null)
        {
            _companyByDomain.TryAdd(c.Domain, c);
        }
        if (c.ExternalId is not null)
        {
            _companyByExt.TryAdd(c.ExternalId, c);
        }
        if (c.Phone is not null)
        {
            _companyByPhone.TryAdd(c.Phone, c);
        }
        if (c.NameKey.Length == 0)
        {
            c.NameKey = cells.NameKey(c.Name);
        }
        if (!_companyByName.TryGetValue(c.NameKey, out var list))
        {
            _companyByName[c.NameKey] = list = [];
        }
        if (!list.Contains(c))
        {
            list.Add(c);
        }
    }

    public void Index(Contact c)
    {
        _contactById.TryAdd(c.Id, c);
        foreach (var i in c.Identities)
        {
            _contactByIdentity.TryAdd(i.Value, c);
        }
        if (c.ExternalId is not null)
        {
            _contactByExt.TryAdd(c.ExternalId, c);
        }
        if (c.CompanyId is { } companyId)
        {
            if (!_contactsByCompany.TryGetValue(companyId, out var list))
            {
                _contactsByCompany[companyId] = list = [];
            }
            if (!list.Contains(c))
            {
                list.Add(c);
            }
        }
    }

    public void Index(Lead l)
    {
        if (!_leadsByCompany.TryGetValue(l.CompanyId, out var list))
        {
            _leadsByCompany[l.CompanyId] = list = [];
        }
        if (!list.Contains(l))
        {
            list.Add(l);
        }
        if (l.ExternalId is not null)
        {
            _leadByExt.TryAdd(l.ExternalId, l);
        }
    }

    public void Index(Order o)
    {
        _orderByNumber.TryAdd(o.Number, o);
        if (o.ExternalId is not null)
        {
            _orderByExt.TryAdd(o.ExternalId, o);
        }
    }

    /// <summary>External id (when that is the match key), then phone (likewise), then registrable domain, then name in the same country.</summary>
    public Company? FindCompany(string? domain, string? name, string? country, string? externalId, string? phone, MatchKey key)
    {
        if (key == MatchKey.ExternalId && externalId is not null && _companyByExt.TryGetValue(externalId, out var byExt))
        {
            return byExt;
        }
        if (key == MatchKey.Phone && phone is not null && _companyByPhone.TryGetValue(phone, out var byPhone))
        {
            return byPhone;
        }
        if (domain is not null && _companyByDomain.TryGetValue(domain, out var byDomain))
        {
            return byDomain;
        }
        var nameKey = cells.NameKey(name);
        if (nameKey.Length == 0 || !_companyByName.TryGetValue(nameKey, out var candidates))
        {
            return null;
        }
        // A same-named company elsewhere, or with another website, is a different company.
        var fitting = candidates.Where(c => domain is null || c.Domain is null || c.Domain == domain).ToList();
        return fitting.FirstOrDefault(c => c.Country == country)
            ?? (country is null || fitting.All(c => c.Country is null) ? fitting.FirstOrDefault(c => c.Country is null || country is null) : null);
    }

    public Contact? FindContact(IEnumerable<string?> identities, string? externalId, MatchKey key, Guid? companyId, string? firstName, string? lastName)
    {
        if (key == MatchKey.ExternalId && externalId is not null && _contactByExt.TryGetValue(externalId, out var byExt))
        {
            return byExt;
        }
        foreach (var id in identities)
        {
            if (id is not null && _contactByIdentity.TryGetValue(id, out var c))
            {
                return c;
            }
        }
        if (companyId is { } cid && firstName is not null && _contactsByCompany.TryGetValue(cid, out var colleagues))
        {
            return colleagues.FirstOrDefault(p => string.Equals(p.FirstName, firstName, StringComparison.OrdinalIgnoreCase)
                && string.Equals(p.LastName ?? "", lastName ?? "", StringComparison.OrdinalIgnoreCase));
        }
        return null;
    }

    /// <summary>Created by an earlier row of this batch (further rows of one order add its lines).</summary>
    public bool IsNewThisBatch(object entity) => _new.Contains(entity) || db.Entry(entity).State == EntityState.Added;

    /// <summary>The contact that already has this e-mail, phone or handle, if any.</summary>
    public Contact? OwnerOf(string identity) => _contactByIdentity.GetValueOrDefault(identity);

    /// <summary>By external id; else the company's lead with this title and this primary contact (or none yet).</summary>
    public Lead? FindLead(Guid companyId, string title, string? externalId, Guid? contactId)
    {
        if (externalId is not null && _leadByExt.TryGetValue(externalId, out var byExt))
        {
            return byExt;
        }
        if (!_leadsByCompany.TryGetValue(companyId, out var list))
        {
            return null;
        }
        var titled = list.Where(l => string.Equals(l.Title, title, StringComparison.OrdinalIgnoreCase)).ToList();
        return contactId is null
            ? titled.FirstOrDefault()
            : titled.FirstOrDefault(l => l.PrimaryContactId == contactId) ?? titled.FirstOrDefault(l => l.PrimaryContactId is null);
    }

    public Order? FindOrder(string number, string? externalId) =>
        externalId is not null && _orderByExt.TryGetValue(externalId, out var byExt) ? byExt
        : _orderByNumber.GetValueOrDefault(number);

    /// <summary>Sets a value when it is given and differs; says whether it did.</summary>
    public static bool Set<T>(T current, T? value, Action<T> set)
    {
        if (value is null || EqualityComparer<T>.Default.Equals(current, value))
        {
            return false;
        }
        set(value);
        return true;
    }

    /// <summary>The tags with the new ones added, or null when nothing is new.</summary>
    public static List<string>? WithTags(List<string> tags, IEnumerable<string> add)
    {
        var result = new List<string>(tags);
        foreach (var t in add.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length is > 0 and <= 50))
        {
            if (!result.Contains(t) && result.Count < 50)
            {
                result.Add(t);
            }
        }
        return result.Count == tags.Count ? null : result;
    }

    public static RowResult Rejected(ImportRow row) => new(RowOutcome.Rejected, string.Join("; ", row.Errors));

    /// <summary>The phone in E.164, or an error on the row explaining what is missing.</summary>
    public string? Phone(ImportRow row, string field, string? rowCountry)
    {
        if (row[field] is not { } text)
        {
            return null;
        }
        var (value, error) = cells.Phone(text, cells.Region(rowCountry));
        if (error is not null)
        {
            row.Error(field, run.DefaultCountry is null && rowCountry is null && !text.TrimStart().StartsWith('+')
                ? "Is not a valid phone number; write it with +country code or choose a default country."
                : error);
        }
        return value;
    }
}
