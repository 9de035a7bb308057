using System.Text.RegularExpressions;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// Company register entries, written the same way whatever the page said: "HRB 12345 B, Amtsgericht Charlottenburg"
/// (German Handels-, Genossenschafts-, Partnerschafts- and Vereinsregister with the court when it is near),
/// "FN 123456a, Handelsgericht Wien" (Austrian Firmenbuch), "Companies House 01234567" (UK) and
/// "Trade License 123456" (UAE).
/// </summary>
internal static partial class Registers
{
    private const int CourtWindow = 220;

    [GeneratedRegex(@"\b(HRB|HRA|GnR|PR|VR|GsR)\s?(?:Nr\.?\s?|-)?(\d{1,6})(?:\s?([A-Z]{1,2})\b)?",
        RegexOptions.None, 200)]
    private static partial Regex German();

    [GeneratedRegex(@"(?:\bFN|Firmenbuch(?:nummer|-Nr\.?|nr\.?)?)\s*:?\s*(?:FN\s*)?(\d{1,6})\s?([a-zA-Z])\b",
        RegexOptions.None, 200)]
    private static partial Regex Austrian();

    [GeneratedRegex(@"(?:Compan(?:y|ies House)(?:\s(?:registration|reg\.?|registered|under|company))*\s?"
        + @"(?:No\.?|Number|#)|Registered in (?:England(?: and| &) Wales|Scotland|Northern Ireland)"
        + @"(?:,?\s(?:under|with|company|registration|reg\.?|No\.?|number|#))*)\s*:?\s*"
        + @"((?:SC|NI|OC|SO|NC)?\d{6,8})\b", RegexOptions.IgnoreCase, 200)]
    private static partial Regex British();

    [GeneratedRegex(@"(?:Trade|Commercial)\s+Licen[cs]e\s*(?:No\.?|Number|#)?\s*:?\s*([A-Z0-9][A-Z0-9\-]{2,19})",
        RegexOptions.IgnoreCase, 200)]
    private static partial Regex Emirati();

    public static void FromText(string text, FactSink sink, string method)
    {
        foreach (Match m in German().Matches(text))
        {
            var suffix = m.Groups[3].Success && m.Groups[3].Value != "AG" ? " " + m.Groups[3].Value : "";
            var entry = $"{m.Groups[1].Value} {m.Groups[2].Value}{suffix}";
            var court = Court(text, m.Index, m.Length, ["Amtsgericht", "Registergericht"]);
            if (court is null && m.Groups[1].Value is not ("HRB" or "HRA"))
            {
                continue;   // "PR 12" or "VR 360" alone are product names far more often than register entries
            }
            sink.Add(FactFields.Register, court is null ? entry : $"{entry}, {court}", method);
        }
        if (text.Contains("FN", StringComparison.Ordinal) || text.Contains("Firmenbuch", StringComparison.Ordinal))
        {
            foreach (Match m in Austrian().Matches(text))
            {
                var entry = $"FN {m.Groups[1].Value}{m.Groups[2].Value.ToLowerInvariant()}";
                var court = Court(text, m.Index, m.Length, ["Handelsgericht", "Landesgericht", "Firmenbuchgericht"]);
                sink.Add(FactFields.Register, court is null ? entry : $"{entry}, {court}", method);
            }
        }
        foreach (Match m in British().Matches(text))
        {
            var number = m.Groups[1].Value.ToUpperInvariant();
            sink.Add(FactFields.Register, "Companies House " + (char.IsAsciiDigit(number[0])
                ? number.PadLeft(8, '0') : number), method);
        }
        if (text.Contains("icen", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match m in Emirati().Matches(text))
            {
                if (m.Groups[1].Value.Any(char.IsAsciiDigit))
                {
                    sink.Add(FactFields.Register, "Trade License " + m.Groups[1].Value.ToUpperInvariant(), method);
                }
            }
        }
    }

    /// <summary>
    /// The court named near a register number ("Amtsgericht Berlin-Charlottenburg", "Handelsgericht Wien"), up to
    /// the next separator or label; "Registergericht: München" and "AG München" become "Amtsgericht München".
    /// </summary>
    private static string? Court(string text, int index, int length, string[] labels)
    {
        var from = Math.Max(0, index - CourtWindow);
        var to = Math.Min(text.Length, index + length + CourtWindow);
        var window = text.AsSpan(from, to - from);
        foreach (var label in labels)
        {
            var at = window.IndexOf(label, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            var rest = window[(at + label.Length)..].TrimStart(" :\u00A0");
            if (rest.StartsWith("Amtsgericht"))
            {
                rest = rest["Amtsgericht".Length..].TrimStart();
            }
            else if (rest.StartsWith("AG "))
            {
                rest = rest[3..];
            }
            var name = CourtName(rest);
            if (name.Length >= 3 && char.IsUpper(name[0]))
            {
                var kind = label.StartsWith("Register", StringComparison.Ordinal) ? "Amtsgericht" : label;
                return $"{kind} {name}";
            }
        }
        return null;
    }

    private static string CourtName(ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOfAny("\n,;|·•");
        var name = (end >= 0 ? rest[..end] : rest).ToString();
        string[] stops = [" HR", " Reg", " USt", " Ust", " Sitz", " Steuer", " unter", " Nr", " FN", " Firmenbuch",
            " UID", " VAT", " Geschäfts", " Tel", " E-Mail", " DVR", " GnR", " PR ", " VR "];
        foreach (var stop in stops)
        {
            var at = name.IndexOf(stop, StringComparison.Ordinal);
            if (at > 0)
            {
                name = name[..at];
            }
        }
        var words = name.Trim(' ', ':', '.', '-', '(').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(5)).TrimEnd(' ', ':', '-', '(');
    }
}
