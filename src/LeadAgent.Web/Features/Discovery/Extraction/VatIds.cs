using System.Text;
using System.Text.RegularExpressions;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// VAT numbers in text, normalised without separators ("DE 123 456 789" → "DE123456789", "CHE-123.456.789 MWST" →
/// "CHE123456789"). Check digits are verified for DE (ISO 7064 MOD 11,10), AT (ATU), GB (mod 97 and 9755) and CH
/// (UID mod 11); a number failing its check is dropped. Other EU numbers are checked by format only. A UAE TRN (15
/// digits) and a British number without its GB prefix are recognised after a "TRN" / "VAT" label.
/// </summary>
internal static partial class VatIds
{
    [GeneratedRegex(@"\b(DE|AT|CHE|GB|FR|NL|IT|ES|BE|LU|PL|DK|IE|CZ|SE|FI|PT)(?:[ \-.]?[0-9A-Z]{1,12}){1,6}",
        RegexOptions.None, 200)]
    private static partial Regex Prefixed();

    [GeneratedRegex(@"(?:\bVAT|\bTRN|Tax Registration)[^\n\d]{0,30}?(?<![A-Za-z])(\d[\d ]{7,22}\d)",
        RegexOptions.None, 200)]
    private static partial Regex Labelled();

    public static void FromText(string text, FactSink sink, string method)
    {
        foreach (Match m in Prefixed().Matches(text))
        {
            sink.Add(FactFields.VatId, Normalize(m.Value), method);
        }
        if (!text.Contains("VAT", StringComparison.Ordinal) && !text.Contains("TRN", StringComparison.Ordinal)
            && !text.Contains("Tax Registration", StringComparison.Ordinal))
        {
            return;
        }
        foreach (Match m in Labelled().Matches(text))
        {
            var digits = m.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
            var id = digits.Length == 15 && digits.StartsWith("100", StringComparison.Ordinal) ? "AE" + digits
                : digits.Length == 9 && GbValid(digits) ? "GB" + digits : null;
            sink.Add(FactFields.VatId, id, method);
        }
    }

    /// <summary>The normalised VAT number a text starts with, or null when it fails its format or check.</summary>
    public static string? Normalize(string? written)
    {
        if (string.IsNullOrWhiteSpace(written))
        {
            return null;
        }
        var text = written.Trim().ToUpperInvariant();
        var prefix = text.StartsWith("CHE", StringComparison.Ordinal) ? "CHE" : text.Length >= 2 ? text[..2] : "";
        var rest = text[prefix.Length..].TrimStart(' ', '-', '.');
        if (prefix == "AT" && rest.StartsWith('U'))
        {
            (prefix, rest) = ("ATU", rest[1..].TrimStart(' ', '-', '.'));   // "ATU12345678", also "AT U 12345678"
        }
        string? Take(int length) => Groups(rest, length);
        return prefix switch
        {
            "DE" when Take(9) is { } d && d.All(char.IsAsciiDigit) && DeValid(d) => "DE" + d,
            "ATU" when Take(8) is { } d && d.All(char.IsAsciiDigit) && AtValid(d) => "ATU" + d,
            "CHE" when Take(9) is { } d && d.All(char.IsAsciiDigit) && ChValid(d) => "CHE" + d,
            "GB" when (Take(12) ?? Take(9)) is { } d && d.All(char.IsAsciiDigit) && GbValid(d[..9]) => "GB" + d,
            "FR" when Take(11) is { } d && d[2..].All(char.IsAsciiDigit) => "FR" + d,
            "NL" when Take(12) is { } d && d[9] == 'B' && d.Remove(9, 1).All(char.IsAsciiDigit) => "NL" + d,
            "IT" when Take(11) is { } d && d.All(char.IsAsciiDigit) => "IT" + d,
            "ES" when Take(9) is { } d && d[1..8].All(char.IsAsciiDigit) => "ES" + d,
            "BE" when (Take(10) ?? Take(9)) is { } d && d.All(char.IsAsciiDigit) => "BE" + d.PadLeft(10, '0'),
            "LU" or "DK" or "FI" when Take(8) is { } d && d.All(char.IsAsciiDigit) => prefix + d,
            "PL" when Take(10) is { } d && d.All(char.IsAsciiDigit) => "PL" + d,
            "SE" when Take(12) is { } d && d.All(char.IsAsciiDigit) && d.EndsWith("01", StringComparison.Ordinal)
                => "SE" + d,
            "PT" when Take(9) is { } d && d.All(char.IsAsciiDigit) => "PT" + d,
            "IE" when (Take(9) ?? Take(8)) is { } d && char.IsAsciiDigit(d[0]) && char.IsAsciiLetter(d[^1]) => "IE" + d,
            "CZ" when (Take(10) ?? Take(9) ?? Take(8)) is { } d && d.All(char.IsAsciiDigit) => "CZ" + d,
            _ => null,
        };
    }

    /// <summary>
    /// Exactly <paramref name="length"/> characters made of whole groups (separated by one space, dot or hyphen),
    /// so "DE 123 456 789 10115" yields the VAT number and not a longer run into the postcode.
    /// </summary>
    private static string? Groups(ReadOnlySpan<char> rest, int length)
    {
        var sb = new StringBuilder(length);
        var i = 0;
        while (i < rest.Length && sb.Length < length)
        {
            if (char.IsAsciiLetterOrDigit(rest[i]))
            {
                sb.Append(rest[i++]);
            }
            else if (rest[i] is ' ' or '.' or '-' && sb.Length > 0 && i + 1 < rest.Length
                && char.IsAsciiLetterOrDigit(rest[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        var boundary = i >= rest.Length || !char.IsAsciiLetterOrDigit(rest[i]);
        return sb.Length == length && boundary ? sb.ToString() : null;
    }

    public static bool DeValid(string d)
    {
        var product = 10;
        for (var i = 0; i < 8; i++)
        {
            var sum = (d[i] - '0' + product) % 10;
            product = 2 * (sum == 0 ? 10 : sum) % 11;
        }
        var check = 11 - product;
        return (check == 10 ? 0 : check) == d[8] - '0';
    }

    public static bool AtValid(string d)
    {
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var v = d[i] - '0';
            sum += i % 2 == 0 ? v : (v * 2 / 10) + (v * 2 % 10);
        }
        return (10 - ((sum + 4) % 10)) % 10 == d[7] - '0';
    }

    public static bool ChValid(string d)
    {
        int[] weights = [5, 4, 3, 2, 7, 6, 5, 4];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (d[i] - '0') * weights[i];
        }
        var check = 11 - (sum % 11);
        return check != 10 && (check == 11 ? 0 : check) == d[8] - '0';
    }

    public static bool GbValid(string d)
    {
        int[] weights = [8, 7, 6, 5, 4, 3, 2, 10, 1];
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (d[i] - '0') * weights[i];
        }
        return sum % 97 is 0 or 42;
    }
}
