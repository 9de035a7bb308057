using System.Diagnostics;
using AngleSharp.Html.Parser;
using LeadAgent.Market;
using LeadAgent.Web.Features.Discovery.Extraction;

namespace LeadAgent.Bench;

/// <summary>
/// Issue 14: extraction of stored pages (parse + every extractor) on all cores, ≥ 300 pages/s, with the ratio to a
/// bare AngleSharp parse of the same pages in the same run. The pages are the simulated market's (German and English
/// company sites, imprints, directories, news; traps such as huge or binary pages left out, as the fetcher refuses
/// them).
/// </summary>
internal static class ExtractionBench
{
    public static void Run()
    {
        var market = MarketGenerator.Generate(2024, 300);
        var pages = market.Sites.Values
            .SelectMany(site => site.Pages.Select(p => (site.Host, Path: p.Key, Page: p.Value)))
            .Where(p => p.Page.Status == 200 && p.Page.ContentType.StartsWith("text/html", StringComparison.Ordinal)
                && p.Page.Repeat == 1 && p.Page.Body.Length < 2 * 1024 * 1024)
            .Select(p => (Url: new Uri($"http://{p.Host}{p.Path}"), p.Page.Body, p.Page.ContentType))
            .ToList();
        var context = new ExtractionContext(new Dictionary<string, IReadOnlyList<string>>
        {
            ["EventAgency"] = ["Eventagentur", "Messebau", "event agency", "event management"],
            ["Reseller"] = ["Werbemittel", "Werbeartikel", "promotional products"],
            ["BrandOwner"] = ["Marke", "brand"],
            ["CorporateClient"] = ["Firmenevents", "corporate events"],
        });
        var bytes = pages.Sum(p => (long)p.Body.Length);
        Console.WriteLine($"extraction: {pages.Count:N0} pages, {bytes / 1024.0 / 1024:F1} MB, "
            + $"{Environment.ProcessorCount} cores");
        void Parse((Uri Url, byte[] Body, string Type) p) => new HtmlParser().ParseDocument(new MemoryStream(p.Body))
            .Dispose();
        void Extract((Uri Url, byte[] Body, string Type) p) =>
            PageExtractor.Extract(p.Url, p.Body, p.Type, PageExtractor.KindOf(p.Url, null), context);
        // Warm up both (JIT, caches), then time each over several passes on all cores.
        Parallel.ForEach(pages, Parse);
        Parallel.ForEach(pages, Extract);
        var parse = Time(pages, Parse);
        var extract = Time(pages, Extract);
        Console.WriteLine($"  bare AngleSharp parse   {parse,8:N0} pages/s");
        Console.WriteLine($"  parse + all extractors  {extract,8:N0} pages/s   (target ≥ 300)   "
            + $"ratio to bare parse {parse / extract:F2}×");
    }

    private static double Time<T>(List<T> items, Action<T> work)
    {
        var passes = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(5) || passes < 2)
        {
            Parallel.ForEach(items, work);
            passes++;
        }
        return items.Count * passes / sw.Elapsed.TotalSeconds;
    }
}
