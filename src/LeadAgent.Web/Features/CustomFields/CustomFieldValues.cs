using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Web.Features.CustomFields;

/// <summary>
/// The one form each type's values are stored in: numbers in invariant notation, dates as yyyy-MM-dd (which sort as
/// text), yes/no as true/false. Input is read as people write it (decimal commas, dd.mm.yyyy, ja/nein).
/// </summary>
public static class CustomFieldValues
{
    public const int TextMax = 1000;
    private const decimal NumberMax = 1_000_000_000_000_000m;

    private static readonly Dictionary<string, bool> YesNoWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["yes"] = true,
        ["y"] = true,
        ["true"] = true,
        ["ja"] = true,
        ["j"] = true,
        ["x"] = true,
        ["✓"] = true,
        ["no"] = false,
        ["n"] = false,
        ["false"] = false,
        ["nein"] = false,
    };

    /// <summary>The stored form of <paramref name="raw"/>, or an error saying what was expected.</summary>
    public static bool TryNormalize(CustomFieldType type, string raw, out string value, out string? error)
    {
        var s = raw.Trim();
        (value, error) = (s, null);
        switch (type)
        {
            case CustomFieldType.Number when IsNumber(s, out var d):
                value = d.ToString("0.##########", CultureInfo.InvariantCulture);
                return true;
            case CustomFieldType.Number:
                error = $"'{Cut(s)}' is not a number.";
                return false;
            case CustomFieldType.Date when WrittenValues.TryDate(s, out var date):
                value = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return true;
            case CustomFieldType.Date:
                error = $"'{Cut(s)}' is not a date (use yyyy-mm-dd or dd.mm.yyyy).";
                return false;
            case CustomFieldType.YesNo when YesNoWords.TryGetValue(s, out var yes) || IsBit(s, out yes):
                value = yes ? "true" : "false";
                return true;
            case CustomFieldType.YesNo:
                error = $"'{Cut(s)}' is not yes or no.";
                return false;
        }
        if (s.Length > TextMax)
        {
            error = $"Must be at most {TextMax} characters.";
            return false;
        }
        if (s.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            error = "Must not contain control characters.";
            return false;
        }
        return true;
    }

    /// <summary>The type that fits every sample (blank ones ignored): yes/no, date, number, else text.</summary>
    public static CustomFieldType Infer(IEnumerable<string?> samples)
    {
        var values = samples.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToList();
        if (values.Count == 0)
        {
            return CustomFieldType.Text;
        }
        if (values.All(v => YesNoWords.ContainsKey(v)))
        {
            return CustomFieldType.YesNo;
        }
        // 20270324 is a date as well as a number: a column of digits only is numbers.
        if (values.All(v => WrittenValues.TryDate(v, out _)) && !values.All(v => v.All(char.IsAsciiDigit)))
        {
            return CustomFieldType.Date;
        }
        return values.All(v => IsNumber(v, out _)) ? CustomFieldType.Number : CustomFieldType.Text;
    }

    public static string TypeName(CustomFieldType type) => type == CustomFieldType.YesNo ? "Yes / no" : type.ToString();

    /// <summary>How a stored value reads on a page.</summary>
    public static string Display(CustomFieldType type, string value) => type switch
    {
        CustomFieldType.YesNo => value == "true" ? "Yes" : value == "false" ? "No" : value,
        CustomFieldType.Number when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture,
            out var d) => d.ToString("#,##0.####", CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>
    /// A key for a label: "Anzahl Mitarbeiter (2024)" → anzahl_mitarbeiter_2024 (letters folded to ASCII).
    /// </summary>
    public static string KeyFor(string label)
    {
        var folded = label.Trim().ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var key = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != '_' && CharUnicodeInfo.GetUnicodeCategory(c)
                is not UnicodeCategory.NonSpacingMark)
            {
                key.Append('_');
            }
        }
        var text = key.ToString().Trim('_');
        text = text.Length > CustomField.KeyMax ? text[..CustomField.KeyMax].TrimEnd('_') : text;
        return text.Length == 0 || !char.IsAsciiLetterLower(text[0]) ? ("f_" + text).TrimEnd('_') : text;
    }

    public static bool IsKey(string key) =>
        key.Length is > 0 and <= CustomField.KeyMax && char.IsAsciiLetterLower(key[0])
        && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    // Digits grouped by thousands or not, with an optional decimal part, around currency signs: "1.234,5", "€ 99",
    // "1'000". WrittenValues.TryDecimal alone would read "Room 12" as 12 and "24.03.2027" as 24032027.
    private static readonly Regex NumberShape = new(
        @"^[+-]?([0-9]{1,3}([.,'’ \u00A0\u202F][0-9]{3})+|[0-9]+)([.,][0-9]+)?$",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static bool IsNumber(string s, out decimal value)
    {
        value = 0;
        var bare = s.Trim().Trim('€', '$', '£').Trim();
        return bare.Length <= 40 && NumberShape.IsMatch(bare) && WrittenValues.TryDecimal(bare, out value)
            && Math.Abs(value) < NumberMax;
    }

    private static bool IsBit(string s, out bool yes)
    {
        yes = s == "1";
        return s is "1" or "0";
    }

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
