using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// What the row appliers of one batch share: the run, the context, the normalised cells, and the records the batch
/// creates. New records are only collected here, to be inserted in bulk, named on the record as made by this run
/// (<see cref="IImported"/>); existing ones are tracked by the context, so their changes are logged field by field.
/// </summary>
internal sealed class ImportBatch(AppDbContext db, ImportRun run, NormalizedCells cells,
    IReadOnlyDictionary<string, CustomFieldType> customTypes)
{
    private readonly List<object> _companies = [], _contacts = [], _identities = [], _leads = [];
    private readonly HashSet<object> _new = new(ReferenceEqualityComparer.Instance);

    public AppDbContext Db => db;
    public ImportRun Run => run;
    public NormalizedCells Cells => cells;

    /// <summary>The type of each custom field of the run's kind, by key.</summary>
    public IReadOnlyDictionary<string, CustomFieldType> CustomTypes => customTypes;

    /// <summary>The records this batch creates, parents before their dependents.</summary>
    public IReadOnlyList<IReadOnlyList<object>> Created => [_companies, _contacts, _identities, _leads];

    /// <summary>The companies created so far, in order.</summary>
    public IReadOnlyList<Company> NewCompanies => _companies.Cast<Company>().ToList();

    public void Add(Company c) => Collect(c, _companies);

    public void Add(Contact c) => Collect(c, _contacts);

    public void Add(Lead l) => Collect(l, _leads);

    /// <summary>An identity of a contact this batch creates: inserted with it.</summary>
    public void Add(ContactIdentity identity)
    {
        _new.Add(identity);
        _identities.Add(identity);
    }

    private void Collect<T>(T record, List<object> list) where T : class, IImported
    {
        record.ImportRunId = run.Id;
        _new.Add(record);
        list.Add(record);
    }

    /// <summary>Collected here as a new record of this batch.</summary>
    public bool IsNew(object record) => _new.Contains(record);

    /// <summary>Created by an earlier row of this batch (further rows of one order add its lines).</summary>
    public bool IsNewThisBatch(object entity) => _new.Contains(entity) || db.Entry(entity).State == EntityState.Added;

    public DateTime Now => db.Time.GetUtcNow().UtcDateTime;

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
