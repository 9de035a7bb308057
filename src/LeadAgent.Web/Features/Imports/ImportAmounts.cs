using System.Globalization;
using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// Amounts as spreadsheets write them, with the currency they name: "CHF 12'000", "12.000,- €", "US$ 99",
/// "1’234.50 chf". The number is read by <see cref="WrittenValues.TryDecimal"/>; the currency is an ISO 4217 code or
/// a symbol in the cell, and null when the cell names none.
/// </summary>
public static class ImportAmounts
{
    private static readonly Lazy<HashSet<string>> Codes = new(() =>
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                codes.Add(new RegionInfo(culture.Name).ISOCurrencySymbol);
            }
            catch (ArgumentException)
            {
                // Cultures without a region.
            }
        }
        return codes;
    });

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["€"] = "EUR",
        ["£"] = "GBP",
        ["$"] = "USD",
        ["US$"] = "USD",
        ["¥"] = "JPY",
        ["₹"] = "INR",
        ["Fr"] = "CHF",
        ["SFr"] = "CHF",
        ["zł"] = "PLN",
        ["Kč"] = "CZK",
        ["₺"] = "TRY",
        ["A$"] = "AUD",
        ["C$"] = "CAD",
        ["CA$"] = "CAD",
        ["AU$"] = "AUD",
        ["R$"] = "BRL",
    };

    /// <summary>
    /// The amount and the currency the cell names (null when none); false when there is no number, or the cell
    /// names two currencies.
    /// </summary>
    public static bool TryParse(string text, out decimal value, out string? currency)
    {
        currency = null;
        var s = text.AsSpan().Trim();
        var plain = s.Length > 0 && char.IsAsciiDigit(s[^1]);
        foreach (var c in s)
        {
            if (!plain)
            {
                break;
            }
            plain = char.IsAsciiDigit(c) || c is '.' or ',' or '\'' or '’' or ' ' or '\u00A0' or '-' or '+';
        }
        if (plain)
        {
            // The usual cell: a number alone, read as before without another copy.
            return WrittenValues.TryDecimal(text, out value);
        }
        if (!TryCurrency(s, out currency))
        {
            value = 0;
            return false;
        }
        return WrittenValues.TryDecimal(Number(s), out value);
    }

    // The runs of letters and symbols: each must be a currency and all the same one. Words that are no currency
    // ("netto", "ca.") are let pass as before.
    private static bool TryCurrency(ReadOnlySpan<char> s, out string? currency)
    {
        currency = null;
        var i = 0;
        while (i < s.Length)
        {
            if (char.IsAsciiDigit(s[i]) || s[i] is '.' or ',' or '\'' or '’' or '-' or '+' || char.IsWhiteSpace(s[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && !char.IsWhiteSpace(s[i])
                && s[i] is not (',' or '\'' or '-' or '+'))
            {
                i++;
            }
            var token = s[start..i].TrimEnd('.').ToString();
            var code = Symbols.GetValueOrDefault(token)
                ?? (token.Length == 3 && token.All(char.IsAsciiLetter) && Codes.Value.Contains(token)
                    ? token.ToUpperInvariant()
                    : null);
            if (code is null)
            {
                continue;
            }
            if (currency is not null && currency != code)
            {
                return false;
            }
            currency = code;
        }
        return true;
    }

    // The number of a cell that has more than digits: "12.000,-" and "1'234.–" have no cents, so the mark before
    // the dash is the decimal one and the other is a thousands separator.
    private static string Number(ReadOnlySpan<char> s)
    {
        var kept = new System.Text.StringBuilder(s.Length);
        var digits = false;
        foreach (var c in s)
        {
            // Marks count once a digit is there ("Fr. 99" has none before), a minus only in front.
            if (char.IsAsciiDigit(c) || (digits && c is '.' or ',') || (c == '-' && kept.Length == 0))
            {
                digits |= char.IsAsciiDigit(c);
                kept.Append(c);
            }
        }
        var text = kept.ToString();
        if (text.Length > 1 && text[^1] is '.' or ',')
        {
            var thousands = text[^1] == ',' ? "." : ",";
            text = text[..^1].Replace(thousands, "", StringComparison.Ordinal);
        }
        return text;
    }
}
