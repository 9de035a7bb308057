using System.Diagnostics;
using System.Text.Json;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Segments;
using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Bench;

/// <summary>
/// Issue 15: classify 10,000 companies from their signals on one core, ≥ 1,000 companies/s, with the ratio to a raw
/// baseline in the same run (lower-casing and splitting the same texts into words). The companies are the segment
/// fixture's texts (tests/LeadAgent.Tests/Fixtures/Segments), varied: sentences shuffled, several joined into longer
/// sites, names numbered.
/// </summary>
internal static class ClassifyBench
{
    public const int Companies = 10_000;

    public static void Run()
    {
        var signals = Signals();
        var classifier = new SegmentClassifier(IcpDefaults.Create());
        var chars = signals.Sum(s => (long)s.SiteText.Length);
        Console.WriteLine($"classify: {signals.Count:N0} companies, {chars / 1024.0 / 1024:F1} MB of site text, "
            + "one core");
        long sink = 0;
        void Raw(CompanySignals s) => sink += $"{s.Name} {s.SiteTitle} {s.SiteDescription} {s.Industry} {s.SiteText}"
            .ToLowerInvariant().Split([' ', '.', ',', '\n', '-', ':'], StringSplitOptions.RemoveEmptyEntries).Length;
        void Classify(CompanySignals s) => sink += (int)classifier.Classify(s).Segment;
        signals.Take(500).ToList().ForEach(s => { Raw(s); Classify(s); });
        var raw = Time(signals, Raw);
        var rules = Time(signals, Classify);
        Console.WriteLine($"  raw baseline (lower-case + split): {signals.Count / raw:N0} companies/s");
        Console.WriteLine($"  rules classifier: {signals.Count / rules:N0} companies/s "
            + $"({rules / signals.Count * 1000:F3} ms each), ratio to raw {rules / raw:F1}x (target ≥ 1,000/s)");
        var counts = signals.GroupBy(s => classifier.Classify(s).Segment).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count()}");
        Console.WriteLine($"  verdicts: {string.Join(", ", counts)} (checksum {sink})");
    }

    private static double Time(List<CompanySignals> signals, Action<CompanySignals> work)
    {
        var best = double.MaxValue;
        for (var pass = 0; pass < 3; pass++)
        {
            var sw = Stopwatch.StartNew();
            signals.ForEach(work);
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static List<CompanySignals> Signals()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LeadAgent.slnx")))
        {
            dir = dir.Parent;
        }
        var path = Path.Combine(dir?.FullName ?? ".", "tests", "LeadAgent.Tests", "Fixtures", "Segments",
            "companies.jsonl");
        var rows = File.ReadLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var r = new Random(15);
        var result = new List<CompanySignals>(Companies);
        for (var i = 0; i < Companies; i++)
        {
            var row = rows[i % rows.Count];
            string? S(string name) => row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString() : null;
            var sentences = (S("text") ?? "").Split(". ").OrderBy(_ => r.Next()).ToList();
            // Every third company has a longer site: a random fixture company's text appended.
            if (i % 3 == 0)
            {
                sentences.AddRange((rows[r.Next(rows.Count)].GetProperty("text").GetString() ?? "").Split(". "));
            }
            result.Add(new CompanySignals(Guid.NewGuid(), $"{S("name")} {i}", S("domain"), S("country"), S("city"),
                S("industry"), SizeBand.Unknown, [], string.Join(". ", sentences), S("title"), S("description"),
                S("language"), [], null, null, 0, 0, null));
        }
        return result;
    }
}
