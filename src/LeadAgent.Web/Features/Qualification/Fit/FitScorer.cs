using System.Globalization;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Web.Features.Qualification.Fit;

/// <summary>
/// A company's 0–100 fit to the ICP, made of named factors: how sure its segment is, and whether its region, size
/// and signals are the ones the segment's profile asks for. Not a fit scores at most 10; a company whose segment
/// cannot be told at most 30. Pure: the same signals, judgement and ICP give the same score.
/// </summary>
public static class FitScorer
{
    public const int SegmentMax = 40, RegionMax = 20, SizeMax = 15, RequiredMax = 15, ExcludedMax = 10;
    public const int NotAFitMax = 10, UnknownMax = 30, ExcludedCap = 40, DisabledCap = 15;

    public static FitResult Score(CompanySignals s, Judgement j, IcpSet icp) =>
        Score(s, j, icp, TermMatch.Text(s));

    /// <summary>As <see cref="Score(CompanySignals, Judgement, IcpSet)"/> with the lower-cased text at hand.</summary>
    public static FitResult Score(CompanySignals s, Judgement j, IcpSet icp, string lowerText)
    {
        if (j.Segment == Segment.NotAFit)
        {
            var points = (int)Math.Round(NotAFitMax * (1 - Math.Clamp(j.Confidence, 0, 1)));
            var why = j.Evidence.Count == 0 ? "" : ": " + string.Join(", ", j.Evidence.Take(5));
            return new(points, [new("Not a fit", points, NotAFitMax,
                $"Judged not a fit ({Percent(j.Confidence)} sure, by {Who(j.Method)}){why}.")]);
        }
        var enabled = icp.Segments.Where(x => x.Enabled).ToList();
        if (j.Segment == Segment.Unknown || icp.For(j.Segment) is not { } profile)
        {
            var factors = new List<FitFactor>
            {
                new("Segment", 0, SegmentMax, "Not enough signals to tell the segment."),
                Region(s.Country, [.. enabled.SelectMany(x => x.Regions).Distinct()],
                    enabled.Any(x => x.Regions.Count == 0)),
                Size(s.Size, [.. enabled.SelectMany(x => x.SizeBands).Distinct()],
                    enabled.Any(x => x.SizeBands.Count == 0)),
            };
            return new(Math.Min(UnknownMax, factors.Sum(f => f.Points)), factors);
        }
        var confidence = Math.Clamp(j.Confidence, 0, 1);
        var segment = profile.Enabled
            ? new FitFactor("Segment", (int)Math.Round(SegmentMax * confidence), SegmentMax,
                $"{Name(j.Segment)}, {Percent(confidence)} sure, by {Who(j.Method)}.")
            : new FitFactor("Segment", 0, SegmentMax, $"{Name(j.Segment)}, which the ICP does not target now.");
        var required = TermMatch.Found(lowerText, profile.Required);
        var excluded = TermMatch.Found(lowerText, profile.Excluded);
        var all = new List<FitFactor>
        {
            segment,
            Region(s.Country, profile.Regions, profile.Regions.Count == 0),
            Size(s.Size, profile.SizeBands, profile.SizeBands.Count == 0),
            profile.Required.Count == 0 ? new("Required signals", RequiredMax, RequiredMax, "None required.")
                : required.Count > 0 ? new("Required signals", RequiredMax, RequiredMax, "Shows " + Terms(required))
                : new("Required signals", 0, RequiredMax, "Shows none of " + Terms(profile.Required)),
            excluded.Count == 0 ? new("Excluded signals", ExcludedMax, ExcludedMax, "None found.")
                : new("Excluded signals", 0, ExcludedMax,
                    $"Shows {Terms(excluded)} (score at most {ExcludedCap})"),
        };
        var score = all.Sum(f => f.Points);
        score = excluded.Count > 0 ? Math.Min(score, ExcludedCap) : score;
        score = profile.Enabled ? score : Math.Min(score, DisabledCap);
        return new(Math.Clamp(score, 0, 100), all);
    }

    private static FitFactor Region(string? country, IReadOnlyList<string> regions, bool anywhere)
    {
        if (anywhere)
        {
            return new("Region", RegionMax, RegionMax, "Any region fits.");
        }
        if (string.IsNullOrEmpty(country))
        {
            return new("Region", RegionMax * 2 / 5, RegionMax, "Country unknown.");
        }
        return regions.Contains(country, StringComparer.OrdinalIgnoreCase)
            ? new("Region", RegionMax, RegionMax, $"{country} is a target region.")
            : new("Region", 0, RegionMax, $"{country} is outside the target regions ({string.Join(", ", regions)}).");
    }

    private static FitFactor Size(SizeBand size, IReadOnlyList<SizeBand> bands, bool any)
    {
        if (any)
        {
            return new("Size", SizeMax, SizeMax, "Any size fits.");
        }
        if (size == SizeBand.Unknown)
        {
            return new("Size", SizeMax / 2, SizeMax, "Size unknown.");
        }
        return bands.Contains(size)
            ? new("Size", SizeMax, SizeMax, $"{size} is a target size.")
            : new("Size", 0, SizeMax, $"{size} is not a target size ({string.Join(", ", bands)}).");
    }

    private static string Terms(IReadOnlyList<string> terms) =>
        string.Join(", ", terms.Take(6).Select(t => $"\"{t}\"")) + (terms.Count > 6 ? ", …" : "") + ".";

    private static string Percent(double confidence) =>
        Math.Round(confidence * 100).ToString(CultureInfo.InvariantCulture) + " %";

    public static string Who(FitMethod method) => method switch
    {
        FitMethod.Person => "a person",
        FitMethod.Model => "the trained model",
        _ => "the ICP rules",
    };

    /// <summary>A segment in words ("event agency").</summary>
    public static string Name(Segment segment) => SegmentLabels.Of(segment) ?? "Unknown";
}
