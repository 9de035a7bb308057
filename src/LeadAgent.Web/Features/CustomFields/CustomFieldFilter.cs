using System.Globalization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.CustomFields;

/// <summary>
/// One condition on a custom field, values in the stored form: <see cref="Is"/> matches exactly (text ignoring
/// case), <see cref="Min"/>/<see cref="Max"/> bound numbers and dates (inclusive).
/// </summary>
public sealed record CustomFieldCondition(string Key, CustomFieldType Type, string? Is = null, string? Min = null,
    string? Max = null);

/// <summary>
/// Filters companies, contacts or leads by custom fields. The query string names them <c>cf.{key}=value</c>,
/// <c>cf.{key}.min=</c> and <c>cf.{key}.max=</c>; each condition is a subquery over the record's JSON column in the
/// database's own JSON functions, with every value a parameter.
/// </summary>
public static class CustomFieldFilter
{
    public const string Prefix = "cf.";

    /// <summary>The conditions of a query string, checked against the record's fields.</summary>
    public static List<CustomFieldCondition>? Parse(IReadOnlyList<CustomFieldDto> fields,
        IEnumerable<KeyValuePair<string, string?>> query, Errors errors)
    {
        var byKey = new Dictionary<string, (string? Is, string? Min, string? Max)>();
        foreach (var (name, value) in query)
        {
            if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            var rest = name[Prefix.Length..];
            var op = rest.EndsWith(".min", StringComparison.OrdinalIgnoreCase) ? "min"
                : rest.EndsWith(".max", StringComparison.OrdinalIgnoreCase) ? "max" : "is";
            var key = op == "is" ? rest : rest[..^4];
            var c = byKey.GetValueOrDefault(key);
            byKey[key] = op switch
            {
                "min" => c with { Min = value },
                "max" => c with { Max = value },
                _ => c with { Is = value },
            };
        }
        var result = new List<CustomFieldCondition>();
        foreach (var (key, (isValue, min, max)) in byKey)
        {
            if (fields.FirstOrDefault(f => f.Key == key) is not { } field)
            {
                errors.Add(Prefix + key, "No custom field has this key.");
                continue;
            }
            var condition = new CustomFieldCondition(key, field.Type, Read(errors, key, field.Type, isValue, ""),
                Read(errors, key, field.Type, min, ".min"), Read(errors, key, field.Type, max, ".max"));
            if (condition.Type is CustomFieldType.Text or CustomFieldType.YesNo && (min ?? max) is not null)
            {
                errors.Add(Prefix + key, "Only numbers and dates have a range.");
            }
            result.Add(condition);
        }
        return result.Count == 0 ? null : result;
    }

    /// <summary>Conditions from a JSON body (bulk, saved views) hold their values in the stored form.</summary>
    public static void Validate(IReadOnlyList<CustomFieldCondition>? conditions, Errors errors)
    {
        foreach (var c in conditions ?? [])
        {
            if (c is null)
            {
                errors.Add("custom", "A condition is empty.");
                continue;
            }
            if (!CustomFieldValues.IsKey(c.Key ?? "") || !Enum.IsDefined(c.Type))
            {
                errors.Add("custom", $"'{c.Key}' is not a custom field key with a type.");
                continue;
            }
            foreach (var v in new[] { c.Is, c.Min, c.Max }.OfType<string>())
            {
                if (!CustomFieldValues.TryNormalize(c.Type, v, out var stored, out var error) || stored != v.Trim())
                {
                    errors.Add(Prefix + c.Key, error ?? $"'{v}' is not in the stored form of a {c.Type}.");
                }
            }
        }
    }

    public static IQueryable<T> Where<T>(this IQueryable<T> records, AppDbContext db,
        IReadOnlyList<CustomFieldCondition>? conditions) where T : Entity
    {
        var table = db.Model.FindEntityType(typeof(T))!.GetTableName()!;
        foreach (var c in conditions ?? [])
        {
            var ids = Ids(db, table, c);
            records = records.Where(r => ids.Contains(r.Id));
        }
        return records;
    }

    private static IQueryable<Guid> Ids(AppDbContext db, string table, CustomFieldCondition c)
    {
        var sqlite = db.IsSqlite;
        // SQLite reads a member with a JSON path; PostgreSQL with ->> on the text cast to jsonb. A value stored before
        // its field had a type (free text under the same key) is no number or date: the guards leave it out.
        var value = sqlite ? "json_extract(\"CustomFields\", {0})" : "(\"CustomFields\"::jsonb ->> {0})";
        object key = sqlite ? $"$.\"{c.Key}\"" : c.Key;
        var number = sqlite
            ? $"(CASE WHEN {value} GLOB '*[0-9]*' AND {value} NOT GLOB '*[^0-9.-]*' THEN CAST({value} AS REAL) END)"
            : $"(CASE WHEN {value} ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN {value}::numeric END)";
        var date = sqlite ? $"{value} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
            : $"{value} ~ '^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$'";
        var terms = new List<string>();
        var args = new List<object> { key };
        void Add(string term, object arg)
        {
            args.Add(arg);
            terms.Add(term.Replace("{p}", $"{{{args.Count - 1}}}", StringComparison.Ordinal));
        }
        if (c.Is is { } exact)
        {
            Add(c.Type == CustomFieldType.Text ? $"lower({value}) = lower({{p}})" : $"{value} = {{p}}", exact.Trim());
        }
        foreach (var (bound, op) in new[] { (c.Min, ">="), (c.Max, "<=") })
        {
            if (bound is null)
            {
                continue;
            }
            if (c.Type == CustomFieldType.Number)
            {
                var d = decimal.Parse(bound, NumberStyles.Number, CultureInfo.InvariantCulture);
                Add($"{number} {op} {{p}}", sqlite ? (object)(double)d : d);
            }
            else
            {
                Add($"{date} AND {value} {op} {{p}}", bound.Trim());
            }
        }
        var where = terms.Count == 0 ? $"{value} IS NOT NULL" : string.Join(" AND ", terms);
        // Only the model's table name and fixed fragments are in the text; the key and values are parameters.
#pragma warning disable EF1002
        return db.Database.SqlQueryRaw<Guid>(
            $"SELECT \"Id\" AS \"Value\" FROM \"{table}\" WHERE {where}", [.. args]);
#pragma warning restore EF1002
    }

    private static string? Read(Errors errors, string key, CustomFieldType type, string? raw, string suffix)
    {
        if (raw is null)
        {
            return null;
        }
        if (CustomFieldValues.TryNormalize(type, raw, out var value, out var error))
        {
            return value;
        }
        errors.Add(Prefix + key + suffix, error!);
        return null;
    }
}
