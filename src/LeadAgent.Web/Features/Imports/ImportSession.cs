using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Companies.Import;
using LeadAgent.Web.Features.Contacts.Import;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Leads.Import;
using LeadAgent.Web.Features.Orders.Import;
using LeadAgent.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// One batch of an import: the records its rows may match are loaded with a few IN queries up front into the row
/// appliers of the run's kind, rows are then matched and applied in memory by those appliers, and the caller saves
/// the batch in one transaction (<see cref="ImportBatch"/> collects what it creates).
/// </summary>
internal sealed class ImportSession
{
    private static readonly string[] HandleFields = ["instagram", "facebook", "linkedin"];

    private readonly ImportBatch _batch;
    private readonly CompanyRows _companies;
    private readonly ContactRows _contacts;
    private readonly LeadRows _leads;
    private readonly OrderRows _orders;
    private readonly PolicyCheck _policyCheck;
    private ImportPolicy? _policy;

    public ImportSession(AppDbContext db, ImportRun run, IReadOnlyDictionary<string, string> ownersByEmail,
        NormalizedCells cells, IReadOnlyDictionary<string, CustomFieldType> customTypes, PolicyCheck policy)
    {
        _policyCheck = policy;
        _batch = new ImportBatch(db, run, cells, customTypes);
        _companies = new CompanyRows(_batch);
        _contacts = new ContactRows(_batch, _companies);
        _leads = new LeadRows(_batch, _companies, _contacts, ownersByEmail);
        _orders = new OrderRows(_batch, _companies);
    }

    /// <summary>The records this batch creates, parents before their dependents.</summary>
    public IReadOnlyList<IReadOnlyList<object>> Created => _batch.Created;

    /// <summary>The companies created so far, in order.</summary>
    public IReadOnlyList<Company> NewCompanies => _batch.NewCompanies;

    /// <summary>Companies whose order figures need recomputing after the batch is saved.</summary>
    public IReadOnlySet<Guid> OrderCompanies => _orders.Companies;

    /// <summary>Users who may own leads (sales, admins) by lower-case e-mail, for lead rows' owner column.</summary>
    public static Task<Dictionary<string, string>> OwnersAsync(AppDbContext db, CancellationToken ct) =>
        db.Users.Where(u => u.Email != null && Leads.LeadOwners.Ids(db).Contains(u.Id))
            .ToDictionaryAsync(u => u.Email!.ToLower(), u => u.Id, ct);

    /// <summary>
    /// Matches and applies one row according to the run's kind; nothing is saved here. A row that is imported with
    /// warnings carries them as its message (the preview shows them).
    /// </summary>
    public RowResult Apply(ImportRow row)
    {
        var result = _batch.Run.Kind switch
        {
            ImportKind.Companies => _companies.Apply(row),
            ImportKind.Contacts => _contacts.Apply(row),
            ImportKind.Leads => _leads.Apply(row),
            ImportKind.Orders => _orders.Apply(row),
            _ => throw new InvalidOperationException($"Unknown import kind {_batch.Run.Kind}."),
        };
        if (result.Outcome != RowOutcome.Rejected && _policy?.Flag(row, _batch.Cells) is { } flag)
        {
            var message = result.Message is null ? flag : $"{result.Message} {flag}";
            result = result with { Message = message, Flagged = true };
        }
        if (row.Warnings.Count == 0 || result.Outcome == RowOutcome.Rejected)
        {
            return result;
        }
        var warnings = string.Join("; ", row.Warnings);
        return result with { Message = result.Message is null ? warnings : $"{result.Message} {warnings}" };
    }

    /// <summary>Loads, with one query per key, every record the rows may match.</summary>
    public async Task PreloadAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var cells = _batch.Cells;
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

        _policy = await ImportPolicy.LoadAsync(_batch.Db, _policyCheck, domains.ToList(), names.ToList(),
            identities.ToList(), ct);
        var extList = ext.ToList();
        var companyIds = await _companies.LoadAsync(domains.ToList(), names.ToList(), extList, phones.ToList(), ct);
        await _contacts.LoadAsync(identities.ToList(), companyIds, extList, ct);
        if (_batch.Run.Kind == ImportKind.Leads)
        {
            await _leads.LoadAsync(companyIds, extList, ct);
        }
        if (_batch.Run.Kind == ImportKind.Orders)
        {
            await _orders.LoadAsync(numbers.ToList(), extList, ct);
        }
    }
}
