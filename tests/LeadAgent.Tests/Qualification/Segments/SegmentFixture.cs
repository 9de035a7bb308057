using System.Text.Json;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Tests.Qualification.Segments;

/// <summary>One labelled company of Fixtures/Segments/companies.jsonl (see the README there).</summary>
public sealed record FixtureCompany(int Id, string Split, string Kind, Segment Expected, CompanySignals Signals);

/// <summary>Loads the labelled fixture and scores a classifier on it (accuracy and confusion matrix).</summary>
public static class SegmentFixture
{
    private static readonly Lazy<IReadOnlyList<FixtureCompany>> All = new(Load);

    public static IReadOnlyList<FixtureCompany> Companies => All.Value;

    public static IReadOnlyList<FixtureCompany> Tune => [.. Companies.Where(c => c.Split == "tune")];

    public static IReadOnlyList<FixtureCompany> Holdout => [.. Companies.Where(c => c.Split == "holdout")];

    /// <summary>The signals with the expected segment as a person's label (for training).</summary>
    public static CompanySignals Labelled(FixtureCompany c) => c.Signals with { Label = c.Expected };

    private static List<FixtureCompany> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Segments", "companies.jsonl");
        var result = new List<FixtureCompany>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            string? S(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString() : null;
            int? employees = r.TryGetProperty("employees", out var e) && e.ValueKind == JsonValueKind.Number
                ? e.GetInt32() : null;
            var id = r.GetProperty("id").GetInt32();
            var signals = new CompanySignals(new Guid(id, 0, 0, new byte[8]), S("name")!, S("domain"), S("country"),
                S("city"), S("industry"), SizeBand.Unknown, [], S("text") ?? "", S("title"), S("description"),
                S("language"), [], employees, null, 0, 0, null);
            result.Add(new FixtureCompany(id, S("split")!, S("kind")!, Enum.Parse<Segment>(S("expected")!),
                signals));
        }
        return result;
    }
}

/// <summary>Accuracy and a confusion matrix (rows: expected, columns: predicted).</summary>
public sealed class Confusion
{
    private static readonly Segment[] Order =
        [Segment.EventAgency, Segment.CorporateClient, Segment.BrandOwner, Segment.Reseller, Segment.NotAFit,
            Segment.Unknown];

    private readonly int[,] _counts = new int[Order.Length, Order.Length];
    private readonly List<string> _misses = [];

    public int Total { get; private set; }
    public int Right { get; private set; }
    public double Accuracy => Total == 0 ? 0 : (double)Right / Total;
    public IReadOnlyList<string> Misses => _misses;

    public void Add(Segment expected, Segment predicted, string what)
    {
        _counts[Array.IndexOf(Order, expected), Array.IndexOf(Order, predicted)]++;
        Total++;
        if (expected == predicted)
        {
            Right++;
        }
        else
        {
            _misses.Add($"{expected} → {predicted}: {what}");
        }
    }

    public override string ToString()
    {
        var header = "expected \\ predicted " + string.Join(" ", Order.Select(o => $"{Short(o),5}"));
        var lines = new List<string> { header };
        for (var i = 0; i < Order.Length; i++)
        {
            lines.Add($"{Short(Order[i]),-20} " + string.Join(" ",
                Enumerable.Range(0, Order.Length).Select(j => $"{_counts[i, j],5}")));
        }
        lines.Add($"accuracy {Accuracy:P1} ({Right}/{Total})");
        return string.Join('\n', lines);
    }

    private static string Short(Segment s) => s switch
    {
        Segment.EventAgency => "Event",
        Segment.CorporateClient => "Corp",
        Segment.BrandOwner => "Brand",
        Segment.Reseller => "Resel",
        Segment.NotAFit => "NoFit",
        _ => "Unkn",
    };
}
