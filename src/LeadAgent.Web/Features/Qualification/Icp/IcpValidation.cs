using System.Collections.Frozen;
using System.Globalization;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Qualification.Icp;

/// <summary>
/// Checks an ICP before it is saved and returns it tidied (terms trimmed, blanks and repeats dropped, country codes
/// upper-cased); every problem is a field error named by its JSON path ("segments[1].regions").
/// </summary>
public static class IcpValidation
{
    public const int TermMax = 80, TermsMax = 200;

    private static readonly Segment[] Targets =
        [Segment.EventAgency, Segment.CorporateClient, Segment.BrandOwner, Segment.Reseller];

    private static readonly FrozenSet<string> CountryCodes = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => TryRegion(c.Name)).OfType<string>()
        .Concat(["XK"]).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsCountry(string code) => CountryCodes.Contains(code);

    /// <summary>The tidied ICP; throws every problem found, with those already in <paramref name="errors"/>.</summary>
    public static IcpSet Check(IcpSet? icp, Errors? errors = null)
    {
        errors ??= new Errors();
        if (icp?.Segments is null)
        {
            errors.Add("segments", "Required.");
            errors.ThrowIfAny();
        }
        var segments = new List<IcpSegment>();
        for (var i = 0; i < icp!.Segments.Count; i++)
        {
            var s = icp.Segments[i];
            var at = $"segments[{i}]";
            if (s is null)
            {
                errors.Add(at, "Required.");
                continue;
            }
            if (!Targets.Contains(s.Segment))
            {
                errors.Add(at + ".segment", "Must be EventAgency, CorporateClient, BrandOwner or Reseller.");
            }
            else if (segments.Any(x => x.Segment == s.Segment))
            {
                errors.Add(at + ".segment", $"{s.Segment} is listed twice.");
            }
            var regions = Terms(errors, at + ".regions", s.Regions).Select(r => r.ToUpperInvariant()).ToList();
            foreach (var bad in regions.Where(r => !IsCountry(r)))
            {
                errors.Add(at + ".regions", $"\"{bad}\" is not an ISO 3166-1 country code such as DE or AE.");
            }
            var sizes = (s.SizeBands ?? []).Distinct().ToList();
            if (sizes.Any(b => b == SizeBand.Unknown || !Enum.IsDefined(b)))
            {
                errors.Add(at + ".sizeBands", "Must be Micro, Small, Medium, Large or Enterprise.");
            }
            var de = Terms(errors, at + ".keywordsDe", s.KeywordsDe);
            var en = Terms(errors, at + ".keywordsEn", s.KeywordsEn);
            if (s.Enabled && de.Count == 0)
            {
                errors.Add(at + ".keywordsDe", "An enabled segment needs German keywords.");
            }
            if (s.Enabled && en.Count == 0)
            {
                errors.Add(at + ".keywordsEn", "An enabled segment needs English keywords.");
            }
            segments.Add(s with
            {
                Regions = regions,
                SizeBands = sizes,
                Required = Terms(errors, at + ".required", s.Required),
                Excluded = Terms(errors, at + ".excluded", s.Excluded),
                KeywordsDe = de,
                KeywordsEn = en,
            });
        }
        foreach (var missing in Targets.Where(t => icp.Segments.All(s => s?.Segment != t)))
        {
            errors.Add("segments", $"{missing} is missing (disable it instead).");
        }
        if (!segments.Any(s => s.Enabled))
        {
            errors.Add("segments", "At least one segment must be enabled.");
        }
        var notFit = Terms(errors, "notFitTerms", icp.NotFitTerms);
        errors.ThrowIfAny();
        return new IcpSet { Segments = segments, NotFitTerms = notFit };
    }

    /// <summary>Terms as typed in a text box: separated by commas or new lines.</summary>
    public static List<string> Split(string? text) =>
        [.. (text ?? "").Split([',', '\n', ';'],
            StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static List<string> Terms(Errors errors, string field, IReadOnlyList<string>? terms)
    {
        var list = (terms ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count > TermsMax)
        {
            errors.Add(field, $"At most {TermsMax} terms ({list.Count} given).");
        }
        foreach (var term in list.Where(t => t.Length > TermMax).Take(3))
        {
            errors.Add(field, $"\"{term[..20]}…\" is longer than {TermMax} characters.");
        }
        if (list.Any(t => t.Any(char.IsControl)))
        {
            errors.Add(field, "Terms must not contain control characters.");
        }
        return list;
    }

    private static string? TryRegion(string culture)
    {
        try
        {
            var code = new RegionInfo(culture).TwoLetterISORegionName;
            return code.Length == 2 && code.All(char.IsAsciiLetterUpper) ? code : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
