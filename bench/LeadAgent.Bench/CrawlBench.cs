using System.Diagnostics;
using LeadAgent.Web.Features.Discovery.Crawling;
using LeadAgent.Web.Features.Discovery.Extraction;
using LeadAgent.Web.Features.Discovery.Research;
using Microsoft.Extensions.Options;

namespace LeadAgent.Bench;

/// <summary>
/// Issue 14: a crawl of 200 local sites (robots.txt + 8 pages each, 50 ms answers, 1 s per-host delay, 64 hosts at
/// once) through the app's own researcher, fetcher, robots cache and pacer. The politeness bound is what the delays
/// alone allow — waves of 64 sites, each 9 answers of 50 ms with 8 gaps of 1 s (≈ 4 × 9 s) — and the run should
/// stay within 1.25× of it.
/// A second pass of 10,000+ pages (short delays) samples the working set, which should stay flat and ≤ 300 MB.
/// </summary>
internal static class CrawlBench
{
    public static async Task RunAsync()
    {
        await CrawlAsync(sites: 200, delay: 1.0, samples: false);
        await CrawlAsync(sites: 1200, delay: 0.05, samples: true);
    }

    private static async Task CrawlAsync(int sites, double delay, bool samples)
    {
        const int parallel = 64;
        await using var server = await CrawlSites.StartAsync(TimeSpan.FromMilliseconds(50));
        var time = TimeProvider.System;
        using var fetcher = new PageFetcher(Options.Create(new DiscoveryHttpOptions { Proxy = server.Url }), time);
        var robots = new RobotsCache(fetcher, time);
        var pacer = new HostPacer(Options.Create(new CrawlOptions { MinDelaySeconds = delay, MaxConcurrency = 64 }),
            time);
        var researcher = new SiteResearcher(fetcher, robots, pacer);
        var context = new ExtractionContext(new Dictionary<string, IReadOnlyList<string>>
        {
            ["EventAgency"] = ["Eventagentur", "Messebau"],
        });
        var hosts = Enumerable.Range(1, sites).Select(i => new Uri($"http://site{i:D4}.example/")).ToList();
        var peak = 0L;
        var marks = new List<string>();
        using var sampler = new CancellationTokenSource();
        var sampling = Task.Run(async () =>
        {
            var next = 1000;
            while (!sampler.IsCancellationRequested)
            {
                using var process = Process.GetCurrentProcess();
                peak = Math.Max(peak, process.WorkingSet64);
                if (samples && server.Requests >= next)
                {
                    marks.Add($"{server.Requests / 1000.0:F0}k:{process.WorkingSet64 / 1048576.0:F0}");
                    next += 1000;
                }
                await Task.Delay(100);
            }
        });
        var sw = Stopwatch.StartNew();
        var researched = 0;
        await Parallel.ForEachAsync(hosts, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (h, ct) =>
        {
            var result = await researcher.ResearchAsync(h, 8, context, ct);
            if (result.Pages.Count == 8)
            {
                Interlocked.Increment(ref researched);
            }
        });
        var elapsed = sw.Elapsed;
        await sampler.CancelAsync();
        await sampling;
        // Each site takes 9 answers (50 ms each) and 8 gaps of the delay between them (the pacer counts a gap from
        // the end of the previous answer); the sites go in waves of 64.
        var waves = Math.Ceiling(sites / (double)parallel);
        var bound = waves * (9 * 0.05 + 8 * delay);
        Console.WriteLine($"crawl: {sites} sites × (robots.txt + 8 pages), 50 ms answers, {delay:F2} s per-host delay, "
            + $"{parallel} hosts at once");
        Console.WriteLine($"  {server.Requests:N0} requests in {elapsed.TotalSeconds:F1} s; {researched} sites fully "
            + $"read; least gap to one host {server.MinimumGap().TotalSeconds:F2} s");
        Console.WriteLine($"  politeness bound {waves:F0} waves × (9 × 0.05 s + 8 × {delay:F2} s) = {bound:F1} s; "
            + $"ratio {elapsed.TotalSeconds / bound:F2}× (target ≤ 1.25×); peak working set {peak / 1048576.0:F0} MB"
            + " (target ≤ 300 MB)");
        if (samples)
        {
            Console.WriteLine($"  working set (MB) by requests: {string.Join("  ", marks)}");
        }
    }
}
