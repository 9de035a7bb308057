using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.CustomFields;

namespace LeadAgent.Web.Features.Imports;

/// <summary>One data row with the column mapping applied; collects the row's validation errors.</summary>
public sealed class ImportRow(int number, string[] values, IReadOnlyDictionary<string, int> mapping)
{
    private readonly List<string> _errors = [];
    private List<string>? _warnings;
    private List<(string Field, string Tag)>? _kept;

    public int Number => number;
    public string[] Values => values;
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>What the row does that the user should know, though it is imported (labels kept as tags).</summary>
    public IReadOnlyList<string> Warnings => _warnings ?? [];

    /// <summary>The trimmed cell mapped to the field, or null when unmapped, missing (ragged row) or blank.</summary>
    public string? this[string field] =>
        mapping.TryGetValue(field, out var i) && i < values.Length && !string.IsNullOrWhiteSpace(values[i])
            ? Unescape(values[i].Trim()) : null;

    // Exports prefix cells starting with = + - @ with an apostrophe so spreadsheets keep them as text; undo that here.
    private static string Unescape(string v) =>
        v.Length > 1 && v[0] == '\'' && v[1] is '=' or '+' or '-' or '@' ? v[1..] : v;

    public void Error(string field, string message) => _errors.Add($"{field}: {message}");

    /// <summary>
    /// The values of the mapped custom fields (<c>custom.{key}</c>) in their stored form; null when none is mapped.
    /// A value that does not fit its field's type is an error, as for built-in fields.
    /// </summary>
    public Dictionary<string, string>? Custom(IReadOnlyDictionary<string, CustomFieldType> types)
    {
        Dictionary<string, string>? values = null;
        foreach (var field in mapping.Keys)
        {
            if (!field.StartsWith(CustomField.ColumnPrefix, StringComparison.Ordinal))
            {
                continue;
            }
            values ??= [];
            var key = field[CustomField.ColumnPrefix.Length..];
            if (this[field] is not { } text)
            {
                continue;
            }
            if (CustomFieldValues.TryNormalize(types.GetValueOrDefault(key), text, out var value, out var error))
            {
                values[key] = value;
            }
            else
            {
                Error(field, error!);
            }
        }
        return values;
    }

    public void Warn(string field, string message) => (_warnings ??= []).Add($"{field}: {message}");

    /// <summary>
    /// The tags of the <c>tags</c> column and the labels kept from the record's own enum columns (not those of its
    /// company, <c>company_…</c>, which go to the company: <see cref="CompanyTags"/>).
    /// </summary>
    public List<string> Tags()
    {
        var tags = ImportValues.SplitTags(Text("tags", 2000));
        tags.AddRange(_kept?.Where(k => !k.Field.StartsWith("company_", StringComparison.Ordinal))
            .Select(k => k.Tag) ?? []);
        return tags;
    }

    /// <summary>The labels kept from the company's enum columns of a contact or lead row.</summary>
    public IEnumerable<string> CompanyTags() =>
        _kept?.Where(k => k.Field.StartsWith("company_", StringComparison.Ordinal)).Select(k => k.Tag) ?? [];

    public string? Text(string field, int max, bool required = false)
    {
        var v = this[field];
        if (v is null)
        {
            if (required)
            {
                Error(field, "Required.");
            }
            return null;
        }
        if (v.Length > max)
        {
            Error(field, $"Must be at most {max} characters.");
            return null;
        }
        if (v.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            Error(field, "Must not contain control characters.");
            return null;
        }
        return v;
    }

    public decimal? Decimal(string field, decimal min, decimal max)
    {
        var v = this[field];
        if (v is null)
        {
            return null;
        }
        if (!WrittenValues.TryDecimal(v, out var d))
        {
            Error(field, $"'{Cut(v)}' is not a number.");
            return null;
        }
        if (d < min || d > max)
        {
            Error(field, $"Must be between {min} and {max}.");
            return null;
        }
        return d;
    }

    public DateOnly? Date(string field, bool required = false)
    {
        var v = this[field];
        if (v is null)
        {
            if (required)
            {
                Error(field, "Required.");
            }
            return null;
        }
        if (!WrittenValues.TryDate(v, out var d))
        {
            Error(field, $"'{Cut(v)}' is not a date (use yyyy-mm-dd or dd.mm.yyyy).");
            return null;
        }
        return d;
    }

    /// <summary>
    /// The enum value the cell names: by its name, by another CRM's label (<see cref="ImportSynonyms"/>), or by
    /// <paramref name="fallback"/> (an employee count for a size band). A label that is none of these never rejects
    /// the row: it is kept as a tag and the row says so.
    /// </summary>
    public T? Enum<T>(string field, Func<string, T?>? fallback = null, bool keep = true)
        where T : struct, System.Enum
    {
        var v = this[field];
        if (v is null)
        {
            return null;
        }
        if (ImportValues.TryEnum<T>(v, out var e)
            || (ImportSynonyms.Label(ImportValues.Simplify(v)) is { } ours && ImportValues.TryEnum(ours, out e)))
        {
            return e;
        }
        if (fallback?.Invoke(v) is { } f)
        {
            return f;
        }
        var tag = v.ToLowerInvariant()[..Math.Min(v.Length, 50)].Trim();
        if (keep)
        {
            (_kept ??= []).Add((field, tag));
        }
        Warn(field, $"'{Cut(v)}' is not one of: {string.Join(", ", System.Enum.GetNames<T>())}; "
            + (keep ? $"kept as the tag \"{tag}\"." : "the default is used."));
        return null;
    }

    public string? Country(string field)
    {
        var v = this[field];
        if (v is null)
        {
            return null;
        }
        var code = ImportValues.Country(v);
        if (code is null)
        {
            Error(field, $"'{Cut(v)}' is not a country (use a two-letter code such as DE).");
        }
        return code;
    }

    /// <summary>
    /// The country code when the cell names one; reports nothing (the field's own check does that once).
    /// </summary>
    public string? KnownCountry(string field) => this[field] is { } v ? ImportValues.Country(v) : null;

    /// <summary>The same cells without the errors collected so far, to apply the row again.</summary>
    public ImportRow Fresh() => new(number, values, mapping);

    public string? Currency(string field)
    {
        var v = this[field]?.ToUpperInvariant();
        if (v is not null && (v.Length != 3 || !v.All(char.IsAsciiLetterUpper)))
        {
            Error(field, "Must be a three-letter ISO 4217 code.");
            return null;
        }
        return v;
    }

    /// <summary>
    /// An amount with the currency its cell may name; the currency column, if any, must agree with it.
    /// </summary>
    public (decimal? Value, string? Currency) Money(string field, decimal min, decimal max)
    {
        var v = this[field];
        if (v is null)
        {
            return default;
        }
        if (!ImportAmounts.TryParse(v, out var d, out var currency))
        {
            Error(field, $"'{Cut(v)}' is not an amount.");
            return default;
        }
        if (d < min || d > max)
        {
            Error(field, $"Must be between {min} and {max}.");
            return default;
        }
        return (d, currency);
    }

    /// <summary>
    /// The row's currency: the currency column's, else the one its amounts name; an error when they disagree.
    /// </summary>
    public string? Currency(string field, params (string Field, string? Currency)[] amounts)
    {
        var column = Currency(field);
        var named = column;
        foreach (var (amountField, currency) in amounts)
        {
            if (currency is null)
            {
                continue;
            }
            if (named is not null && named != currency)
            {
                Error(amountField, $"'{Cut(this[amountField]!)}' is in {currency}, but the row says {named}.");
                return null;
            }
            named = currency;
        }
        return named;
    }

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;
}

public sealed record RowResult(RowOutcome Outcome, string? Message = null)
{
    /// <summary>Imported, but on the block list: listed among the run's issues with <see cref="Message"/>.</summary>
    public bool Flagged { get; init; }

    public static readonly RowResult Created = new(RowOutcome.Created);
    public static readonly RowResult Updated = new(RowOutcome.Updated);
    public static readonly RowResult Unchanged = new(RowOutcome.Unchanged);

    /// <summary>The row is rejected for the errors it collected.</summary>
    public static RowResult Rejected(ImportRow row) => new(RowOutcome.Rejected, string.Join("; ", row.Errors));
}
