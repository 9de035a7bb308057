using System.Globalization;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// Lenient parsing of spreadsheet values: amounts with thousands separators or decimal commas, dates, enums, countries.
/// </summary>
public static class ImportValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy.MM.dd", "dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy", "d.M.yy",
        "yyyyMMdd",
        "d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "d-MMM-yyyy", "d-MMM-yy",
    ];

    private static readonly Lazy<Dictionary<string, string>> CountryNames = new(() =>
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["UK"] = "GB",
            ["England"] = "GB",
            ["Great Britain"] = "GB",
            ["USA"] = "US",
            ["UAE"] = "AE",
            ["Emirates"] = "AE",
        };
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                var region = new RegionInfo(culture.Name);
                var code = region.TwoLetterISORegionName;
                if (code.Length == 2 && code.All(char.IsAsciiLetterUpper))
                {
                    map.TryAdd(region.TwoLetterISORegionName, region.TwoLetterISORegionName);
                    map.TryAdd(region.ThreeLetterISORegionName, region.TwoLetterISORegionName);
                    map.TryAdd(region.EnglishName, region.TwoLetterISORegionName);
                    map.TryAdd(region.NativeName, region.TwoLetterISORegionName);
                }
            }
            catch (ArgumentException)
            {
                // Cultures without a region.
            }
        }
        return map;
    });

    /// <summary>
    /// "1.234,56", "1,234.56", "1 234,5", "€ 99", "1'000.00" → decimal. A lone comma followed by other than three
    /// digits is a decimal comma.
    /// </summary>
    public static bool TryDecimal(string text, out decimal value)
    {
        var s = Keep(text, static c => char.IsDigit(c) || c is '.' or ',' or '-');
        value = 0;
        if (s.Length == 0 || s.Count(c => c == '-') > 1 || (s.Contains('-', StringComparison.Ordinal) && s[0] != '-'))
        {
            return false;
        }
        int lastDot = s.LastIndexOf('.'), lastComma = s.LastIndexOf(',');
        char? decimalMark = null;
        if (lastDot >= 0 && lastComma >= 0)
        {
            decimalMark = lastDot > lastComma ? '.' : ',';
        }
        else if (lastComma >= 0)
        {
            decimalMark = s.Count(c => c == ',') == 1 && s.Length - lastComma - 1 != 3 ? ',' : null;
        }
        else if (lastDot >= 0)
        {
            decimalMark = s.Count(c => c == '.') == 1 ? '.' : null;
        }
        var normalized = new string(s.Where(c => c is not '.' and not ',' || c == decimalMark).ToArray())
            .Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// ISO and common European/US spellings; for a/b/yyyy the day comes first unless that cannot be a date.
    /// </summary>
    public static bool TryDate(string text, out DateOnly value)
    {
        var s = text.Trim();
        if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces,
            out value))
        {
            return true;
        }
        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dt)
            && s.Length >= 10 && s[4] == '-')
        {
            value = DateOnly.FromDateTime(dt);
            return true;
        }
        var parts = s.Split('/', '-');
        if (parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsDigit)) && parts[2].Length is 2 or 4)
        {
            var a = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var b = int.Parse(parts[1], CultureInfo.InvariantCulture);
            var year = int.Parse(parts[2], CultureInfo.InvariantCulture);
            year = year < 100 ? 2000 + year : year;
            var (day, month) = a > 12 || b <= 12 ? (a, b) : (b, a);
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                value = new DateOnly(year, month, day);
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Case, spaces, hyphens and underscores ignored: "event agency", "EVENT_AGENCY" → EventAgency.
    /// </summary>
    public static bool TryEnum<T>(string text, out T value) where T : struct, Enum
    {
        return EnumNames<T>.ByName.TryGetValue(Simplify(text), out value);
    }

    /// <summary>The letters and digits of a label, as enum names and synonyms are compared.</summary>
    public static string Simplify(string text) => Keep(text, char.IsLetterOrDigit);

    // The characters that pass, without a copy when all do (these run on cells of every row).
    private static string Keep(string text, Func<char, bool> keep)
    {
        var first = 0;
        while (first < text.Length && keep(text[first]))
        {
            first++;
        }
        if (first == text.Length)
        {
            return text;
        }
        var kept = new System.Text.StringBuilder(text.Length).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (keep(c))
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }

    // Names are looked up for every cell of an enum column.
    private static class EnumNames<T> where T : struct, Enum
    {
        public static readonly Dictionary<string, T> ByName =
            Enum.GetValues<T>().ToDictionary(v => v.ToString(), v => v, StringComparer.OrdinalIgnoreCase);
    }

    public static string? Country(string text) =>
        CountryNames.Value.TryGetValue(text.Trim().TrimEnd('.'), out var code) ? code : null;

    public static List<string> SplitTags(string? text) => text is null ? []
        : text.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static readonly char[] TagSeparators = [';', ',', '|'];

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
}
