using System.Text.RegularExpressions;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>A postal address as found on a page; any part may be missing.</summary>
internal sealed record PostalAddress(string? Street, string? Postcode, string? City, string? Country);

/// <summary>
/// The first postal address in a run of lines, each line split at commas, bars and middle dots: a DACH postcode and
/// city ("10115 Berlin", "D-10115 Berlin", "A-1010 Wien", "CH-8001 Zürich") with the street just before it, a UK
/// "London EC1A 1BB", or a UAE emirate ("Dubai"). A DACH match needs a street, a country prefix or a country after
/// it, so "2024 Projekte" or "1000 Mitarbeiter" are not taken for towns. Post-office boxes are no street.
/// </summary>
internal static partial class AddressParser
{
    private const int MaxLines = 400;

    [GeneratedRegex(@"^(?:(?<p>D|A|CH|DE|AT|FL|L)[-–\s])?(?<zip>\d{4,5})\s+(?<city>\p{Lu}[\p{L}.\-/() ]{1,40})$",
        RegexOptions.None, 200)]
    private static partial Regex Dach();

    [GeneratedRegex(@"^(?:(?<city>\p{Lu}[\p{L}\- ]{1,30}?)[\s,]+)?(?<zip>[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})$",
        RegexOptions.None, 200)]
    private static partial Regex British();

    [GeneratedRegex(@"^(?<city>Dubai|Abu Dhabi|Sharjah|Ajman|Ras Al[- ]Khaimah|Fujairah|Umm Al[- ]Quwain)"
        + @"(?:\s*[-–]?\s*(?:UAE|U\.A\.E\.?|United Arab Emirates))?$", RegexOptions.IgnoreCase, 200)]
    private static partial Regex Emirates();

    [GeneratedRegex(@"^\p{L}[\p{L}.\-' ]{1,60}?\s?\d{1,4}\s?[a-zA-Z]?(?:\s?[-/–]\s?\d{1,4}\s?[a-zA-Z]?){0,3}$"
        + @"|^\d{1,5}[a-zA-Z]?(?:[-–]\d{1,5})?,?\s+\p{L}[\p{L}.\-' ]{2,60}$", RegexOptions.None, 200)]
    private static partial Regex Street();

    public static PostalAddress? Find(IReadOnlyList<string> lines, string? countryHint)
    {
        var segments = new List<string>();
        var lineOf = new List<int>();
        for (var n = 0; n < Math.Min(lines.Count, MaxLines); n++)
        {
            if (lines[n].Length > 300)
            {
                continue;
            }
            foreach (var s in lines[n].Split([',', '|', '·', '•'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                segments.Add(s);
                lineOf.Add(n);
            }
        }
        for (var i = 0; i < segments.Count; i++)
        {
            var address = AtDach(segments, i, countryHint) ?? AtBritish(segments, i)
                ?? AtEmirates(segments, lineOf, lines, i);
            if (address is not null)
            {
                return address;
            }
        }
        return null;
    }

    private static PostalAddress? AtDach(List<string> segments, int i, string? hint)
    {
        var m = Dach().Match(segments[i]);
        if (!m.Success)
        {
            return null;
        }
        var city = m.Groups["city"].Value.Trim();
        if (city.Split(' ').Length > 4 || LegalNames.FormOf(city) is not null)
        {
            return null;
        }
        var zip = m.Groups["zip"].Value;
        var street = StreetBefore(segments, i);
        var named = i + 1 < segments.Count ? Countries.Code(NameOnly(segments[i + 1])) : null;
        var prefixed = m.Groups["p"].Value switch
        {
            "D" or "DE" => "DE",
            "A" or "AT" => "AT",
            "CH" => "CH",
            "FL" => "LI",
            "L" => "LU",
            _ => null,
        };
        if (street is null && named is null && prefixed is null)
        {
            return null;
        }
        var country = named ?? prefixed ?? (zip.Length == 5
            ? (hint is "FR" or "IT" or "ES" or "FI" or "DE" ? hint : "DE")
            : hint is "AT" or "CH" or "LI" or "LU" or "BE" or "DK" ? hint : null);
        return new PostalAddress(street, zip, city, country);
    }

    private static PostalAddress? AtBritish(List<string> segments, int i)
    {
        var m = British().Match(segments[i]);
        if (!m.Success)
        {
            return null;
        }
        var city = m.Groups["city"].Success ? m.Groups["city"].Value.Trim() : null;
        var before = i;
        if (city is null && i > 0 && segments[i - 1].All(c => char.IsLetter(c) || c is ' ' or '-'))
        {
            city = segments[--before];
        }
        var zip = m.Groups["zip"].Value;
        if (!zip.Contains(' ', StringComparison.Ordinal))
        {
            zip = zip[..^3] + " " + zip[^3..];
        }
        return new PostalAddress(StreetBefore(segments, before), zip, city, "GB");
    }

    /// <summary>
    /// UAE addresses have no postcode and many commas: the street is what stands before the emirate on its line
    /// ("Building 7, Office 204, Dubai Media City, Dubai"), else the line before ("Office 1408, Churchill Tower").
    /// </summary>
    private static PostalAddress? AtEmirates(List<string> segments, List<int> lineOf, IReadOnlyList<string> lines,
        int i)
    {
        var m = Emirates().Match(segments[i]);
        if (!m.Success)
        {
            return null;
        }
        var before = new List<string>();
        for (var k = i - 1; k >= 0 && lineOf[k] == lineOf[i]; k--)
        {
            before.Insert(0, Unlabelled(segments[k]));
        }
        before.RemoveAll(s => IsPostBox(s) || LegalNames.Parse(s) is not null || s.Length == 0);
        var street = before.Count > 0 ? string.Join(", ", before) : null;
        if (street is null && lineOf[i] > 0 && lines[lineOf[i] - 1] is var previous && previous.Length <= 100
            && !IsPostBox(previous) && LegalNames.Parse(previous) is null && previous.Any(char.IsAsciiDigit)
            && !previous.Contains('@', StringComparison.Ordinal) && !previous.Contains('+', StringComparison.Ordinal))
        {
            street = Unlabelled(previous);
        }
        return new PostalAddress(street, null, Title(m.Groups["city"].Value), "AE");
    }

    /// <summary>"Anschrift: Musterstraße 1" → "Musterstraße 1".</summary>
    private static string Unlabelled(string s) => s[(s.LastIndexOf(':') + 1)..].Trim();

    private static string? StreetBefore(List<string> segments, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - 2); k--)
        {
            var s = Unlabelled(segments[k]);
            if (IsPostBox(s))
            {
                return null;
            }
            if (s.Length <= 80 && Street().IsMatch(s) && LegalNames.Parse(s) is null)
            {
                return s;
            }
        }
        return null;
    }

    private static bool IsPostBox(string s) =>
        s.StartsWith("Postfach", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("P.O.", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("PO Box", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("Post Box", StringComparison.OrdinalIgnoreCase);

    /// <summary>A segment that is only a country name (not a two-letter code, which "AG" or "KG" would fake).</summary>
    private static string? NameOnly(string segment) => segment.Length > 2 || segment is "UK" ? segment : null;

    private static string Title(string city) =>
        string.Join(' ', city.Split(' ').Select(w => w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w));
}
