using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using LeadAgent.Web;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using Microsoft.AspNetCore.Builder;

namespace LeadAgent.Bench;

/// <summary>
/// Issue 13 target: the lead list under load. 1,000 API requests for filtered lead pages (with their totals) from 20
/// users at 200 concurrent, on 100,000 leads over real HTTP on loopback: no timeouts, p99 ≤ 2 s, and <c>/healthz</c>
/// p99 ≤ 100 ms meanwhile. A second round asks for exact totals (the heaviest list request). The raw baseline runs the
/// same page queries one after another in plain SQL.
/// </summary>
internal static class LoadBench
{
    private const int Requests = 1_000;
    private const int Concurrency = 200;
    private const int Users = 20;

    public static async Task RunAsync(BenchDatabase database, List<string> owners)
    {
        var dataDir = Directory.CreateTempSubdirectory("leadagent-bench-load").FullName;
        await using var app = LeadAgentApp.Build(
        [
            $"--Database:Provider={database.Provider}", $"--ConnectionStrings:LeadAgent={database.ConnectionString}",
            "--applicationName=LeadAgent.Web", "--Demo:Seed=false", $"--DataDirectory={dataDir}",
            "--Logging:LogLevel:Default=Warning", "--urls=http://127.0.0.1:0",
        ]);
        await app.StartAsync();
        var tokens = new List<string>();
        for (var i = 0; i < Users; i++)
        {
            tokens.Add(await TokenAsync(app, $"load{i}@bench.example"));
        }
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        var queries = Queries(owners);

        await RoundAsync(http, tokens, queries.Take(100).ToList(), "", 20, print: false);   // warm-up
        var raw = await RawAsync(database, queries);
        foreach (var (name, extra) in new[]
        {
            ("totals up to 1,000", ""), ("exact totals", "&exactTotal=true"), ("no totals", "&includeTotal=false"),
        })
        {
            var (elapsed, rps) = await RoundAsync(http, tokens, queries, extra, Concurrency, print: true, name);
            Console.WriteLine($"  raw SQL, the same {Requests:N0} pages one after another: {raw.TotalSeconds:F2} s "
                + $"({Requests / raw.TotalSeconds:N0}/s); "
                + $"ratio app throughput/raw {rps / (Requests / raw.TotalSeconds):F2}"
                + $" (app round {elapsed.TotalSeconds:F1} s)");
        }
        await app.StopAsync();
    }

    private static async Task<(TimeSpan, double)> RoundAsync(HttpClient http, List<string> tokens,
        List<(string Query, LeadStatus Status, string Owner, int Min)> queries, string extra, int concurrency,
        bool print, string name = "")
    {
        var latencies = new double[queries.Count];
        var statuses = new HttpStatusCode?[queries.Count];
        using var done = new CancellationTokenSource();
        var health = HealthAsync(http, done.Token);
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, queries.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/leads?" + queries[i].Query + extra);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[i % tokens.Count]);
                var one = Stopwatch.StartNew();
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    statuses[i] = response.StatusCode;
                }
                catch (TaskCanceledException)
                {
                    statuses[i] = null;   // the client's 30 s timeout
                }
                latencies[i] = one.Elapsed.TotalMilliseconds;
            });
        var elapsed = sw.Elapsed;
        await done.CancelAsync();
        var healthMs = await health;
        if (print)
        {
            var timeouts = statuses.Count(s => s is null);
            var codes = string.Join(", ", statuses.Where(s => s is not null).GroupBy(s => (int)s!.Value)
                .OrderBy(g => g.Key).Select(g => $"{g.Count()}× {g.Key}"));
            var p99 = P(latencies, 0.99);
            var healthP99 = P(healthMs, 0.99);
            Console.WriteLine($"load, {name}: {queries.Count:N0} lead-list requests, {concurrency} concurrent, "
                + $"{tokens.Count} users: {elapsed.TotalSeconds:F1} s ({queries.Count / elapsed.TotalSeconds:N0}/s); "
                + $"p50 {P(latencies, 0.5):N0} ms, p95 {P(latencies, 0.95):N0} ms, p99 {p99:N0} ms; {codes}; "
                + $"{timeouts} timeouts");
            Console.WriteLine($"  /healthz meanwhile: n={healthMs.Length}, p50 {P(healthMs, 0.5):F1} ms, "
                + $"p99 {healthP99:F1} ms (targets: no timeouts, p99 ≤ 2 s, /healthz p99 ≤ 100 ms: "
                + $"{(timeouts == 0 && p99 <= 2000 && healthP99 <= 100 ? "met" : "MISSED")})");
        }
        return (elapsed, queries.Count / elapsed.TotalSeconds);
    }

    // An operator's probe: one request at a time, every 20 ms, until the round ends.
    private static async Task<double[]> HealthAsync(HttpClient http, CancellationToken stop)
    {
        var ms = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            var sw = Stopwatch.StartNew();
            using (var response = await http.GetAsync("/healthz", CancellationToken.None))
            {
                response.EnsureSuccessStatusCode();
            }
            ms.Add(sw.Elapsed.TotalMilliseconds);
            await Task.Delay(20, CancellationToken.None);
        }
        return [.. ms];
    }

    private static List<(string, LeadStatus, string, int)> Queries(List<string> owners)
    {
        var rnd = new Random(13);
        var statuses = Enum.GetValues<LeadStatus>();
        return Enumerable.Range(0, Requests).Select(_ =>
        {
            var status = statuses[rnd.Next(statuses.Length)];
            var owner = owners[rnd.Next(owners.Count)];
            var min = rnd.Next(0, 60);
            // Half filter by owner too; the others count a whole status (up to 50,000 leads).
            var query = rnd.Next(2) == 0
                ? $"status={status}&scoreMin={min}&scoreMax={min + 40}&owner={owner}"
                : $"status={status}&scoreMin={min}";
            return (query, status, owner, min);
        }).ToList();
    }

    private static async Task<TimeSpan> RawAsync(
        BenchDatabase database, List<(string Query, LeadStatus Status, string Owner, int Min)> queries)
    {
        var sw = Stopwatch.StartNew();
        foreach (var q in queries)
        {
            await ListBench.RawAsync(database, q.Status, q.Owner, q.Min, q.Min + 40);
        }
        return sw.Elapsed;
    }

    private static async Task<string> TokenAsync(WebApplication app, string email)
    {
        await VerbAsync(app, "a-long-password-1", "users", "add", "--email", email, "--role", "sales",
            "--password-stdin");
        return (await VerbAsync(app, null, "tokens", "create", "--email", email, "--name", "load")).Trim();
    }

    private static async Task<string> VerbAsync(WebApplication app, string? stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunVerbAsync(app.Services, args,
            new Cli.Terminal(new StringReader(stdin ?? ""), output, error));
        return code == 0 ? output.ToString() : throw new InvalidOperationException(error.ToString());
    }

    private static double P(IReadOnlyCollection<double> ms, double q)
    {
        var sorted = ms.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
