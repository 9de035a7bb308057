namespace LeadAgent.Web.Features.Imports;

/// <summary>One data row with the column mapping applied; collects the row's validation errors.</summary>
public sealed class ImportRow(int number, string[] values, IReadOnlyDictionary<string, int> mapping)
{
    private readonly List<string> _errors = [];

    public int Number => number;
    public string[] Values => values;
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>The trimmed cell mapped to the field, or null when unmapped, missing (ragged row) or blank.</summary>
    public string? this[string field] =>
        mapping.TryGetValue(field, out var i) && i < values.Length && !string.IsNullOrWhiteSpace(values[i])
            ? Unescape(values[i].Trim()) : null;

    // Exports prefix cells starting with = + - @ with an apostrophe so spreadsheets keep them as text; undo that here.
    private static string Unescape(string v) =>
        v.Length > 1 && v[0] == '\'' && v[1] is '=' or '+' or '-' or '@' ? v[1..] : v;

    public void Error(string field, string message) => _errors.Add($"{field}: {message}");

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
        if (!ImportValues.TryDecimal(v, out var d))
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
        if (!ImportValues.TryDate(v, out var d))
        {
            Error(field, $"'{Cut(v)}' is not a date (use yyyy-mm-dd or dd.mm.yyyy).");
            return null;
        }
        return d;
    }

    public T? Enum<T>(string field) where T : struct, System.Enum
    {
        var v = this[field];
        if (v is null)
        {
            return null;
        }
        if (!ImportValues.TryEnum<T>(v, out var e))
        {
            Error(field, $"'{Cut(v)}' is not one of: {string.Join(", ", System.Enum.GetNames<T>())}.");
            return null;
        }
        return e;
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

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;
}

public sealed record RowResult(RowOutcome Outcome, string? Message = null)
{
    public static readonly RowResult Created = new(RowOutcome.Created);
    public static readonly RowResult Updated = new(RowOutcome.Updated);
    public static readonly RowResult Unchanged = new(RowOutcome.Unchanged);

    /// <summary>The row is rejected for the errors it collected.</summary>
    public static RowResult Rejected(ImportRow row) => new(RowOutcome.Rejected, string.Join("; ", row.Errors));
}
