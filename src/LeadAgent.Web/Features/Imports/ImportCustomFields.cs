using LeadAgent.Web.Data;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Imports;

/// <summary>A column kept as a new custom field; the label defaults to the header, the type to a guess.</summary>
public sealed record NewCustomFieldColumn(int Column, string? Label = null, CustomFieldType? Type = null);

/// <summary>A column no field takes, with the type its values suggest if it is kept as a custom field.</summary>
public sealed record UnmappedColumn(int Column, string Header, CustomFieldType SuggestedType);

/// <summary>
/// Custom fields in an import. Existing ones are fields like the built-in ones (<c>custom.{key}</c>, auto-mapped by
/// key or label); a column kept as a new field becomes a field when the run starts (not in a preview), or maps to
/// the existing field with the same key.
/// </summary>
internal static class ImportCustomFields
{
    // Rows read to guess a kept column's type, and (fewer, as every column is read) to suggest one.
    private const int SampleRows = 1000, SuggestRows = 200;

    /// <summary>Unmapped columns a preview suggests types for (a file may have thousands).</summary>
    public const int SuggestColumns = 200;

    public static FieldRecord? RecordOf(ImportKind kind) => kind switch
    {
        ImportKind.Companies => FieldRecord.Company,
        ImportKind.Contacts => FieldRecord.Contact,
        ImportKind.Leads => FieldRecord.Lead,
        _ => null,
    };

    public static ImportField AsImportField(CustomField f) =>
        new(CustomField.ColumnPrefix + f.Key, $"{f.Label} (custom)", false, f.Key);

    public static async Task<List<CustomField>> DefinedAsync(AppDbContext db, ImportKind kind, CancellationToken ct)
    {
        var record = RecordOf(kind);
        return record is null ? []
            : await db.CustomFields.AsNoTracking().Where(f => f.Record == record).OrderBy(f => f.Label).ToListAsync(ct);
    }

    /// <summary>The type of each custom field by key, for the rows' values.</summary>
    public static async Task<Dictionary<string, CustomFieldType>> TypesAsync(AppDbContext db, ImportKind kind,
        CancellationToken ct) => (await DefinedAsync(db, kind, ct)).ToDictionary(f => f.Key, f => f.Type);

    /// <summary>
    /// Maps each kept column to the field with its label's key, existing or new (returned, unsaved); the column
    /// leaves any other field it fed.
    /// </summary>
    public static List<CustomField> Keep(ImportKind kind, IReadOnlyList<NewCustomFieldColumn>? keep,
        IReadOnlyList<CustomField> defined, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows,
        Dictionary<string, int> mapping, Errors errors)
    {
        var added = new List<CustomField>();
        if (keep is not { Count: > 0 })
        {
            return added;
        }
        if (RecordOf(kind) is not { } record)
        {
            errors.Add("newCustomFields", $"{kind} have no custom fields.");
            return added;
        }
        var keys = new HashSet<string>();
        for (var i = 0; i < keep.Count; i++)
        {
            var name = $"newCustomFields[{i}]";
            if (keep[i] is not var (column, label, type))
            {
                errors.Add(name, "Required: the column to keep.");
                continue;
            }
            if (column < 0 || column >= headers.Count)
            {
                errors.Add(name + ".column", $"Column {column} does not exist.");
                continue;
            }
            label = errors.Optional(name + ".label", label, CustomField.LabelMax) ?? headers[column].Trim();
            label = label.Length > CustomField.LabelMax ? label[..CustomField.LabelMax] : label;
            if (type is { } t && !Enum.IsDefined(t))
            {
                errors.Add(name + ".type", $"Must be one of: {string.Join(", ", Enum.GetNames<CustomFieldType>())}.");
                continue;
            }
            if (label.Length == 0)
            {
                errors.Add(name + ".label", "The column has no header: give the field a label.");
                continue;
            }
            var key = CustomFieldValues.KeyFor(label);
            var existing = defined.FirstOrDefault(f => f.Key == key);
            if (!keys.Add(key))
            {
                errors.Add(name + ".label", $"Another kept column already makes the field {key}; label one apart.");
                continue;
            }
            if (existing is not null && type is { } wanted && wanted != existing.Type)
            {
                errors.Add(name + ".type", $"The field {key} exists as {existing.Type}; keep the column as that.");
                continue;
            }
            if (existing is null)
            {
                added.Add(new CustomField
                {
                    Record = record,
                    Key = key,
                    Label = label,
                    Type = type
                        ?? CustomFieldValues.Infer(rows.Take(SampleRows).Select(r => r.ElementAtOrDefault(column))),
                });
            }
            foreach (var other in mapping.Where(m => m.Value == column).Select(m => m.Key).ToList())
            {
                mapping.Remove(other);
            }
            mapping[CustomField.ColumnPrefix + key] = column;
        }
        if (defined.Count + added.Count > CustomField.PerRecordMax)
        {
            errors.Add("newCustomFields", $"A {record} has at most {CustomField.PerRecordMax} custom fields.");
        }
        return added;
    }

    /// <summary>The first <see cref="SuggestColumns"/> columns no field takes, with the type they suggest.</summary>
    public static List<UnmappedColumn> Unmapped(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows,
        IReadOnlyDictionary<string, int> mapping)
    {
        var used = mapping.Values.ToHashSet();
        return Enumerable.Range(0, headers.Count).Where(c => !used.Contains(c)).Take(SuggestColumns)
            .Select(c => new UnmappedColumn(c, headers[c],
                CustomFieldValues.Infer(rows.Take(SuggestRows).Select(r => r.ElementAtOrDefault(c)))))
            .ToList();
    }
}
