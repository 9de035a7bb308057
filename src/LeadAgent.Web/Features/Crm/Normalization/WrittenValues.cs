using System.Globalization;

namespace LeadAgent.Web.Features.Crm.Normalization;

/// <summary>
/// Numbers and dates as people write them in spreadsheets and forms: thousands separators, decimal commas, currency
/// signs, European and US date orders. Imports and custom fields read values with these.
/// </summary>
public static class WrittenValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy.MM.dd", "dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy", "d.M.yy",
        "yyyyMMdd",
        "d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "d-MMM-yyyy", "d-MMM-yy",
    ];

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

    // The characters that pass, without a copy when all do (these run on cells of every row).
    public static string Keep(string text, Func<char, bool> keep)
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
}
