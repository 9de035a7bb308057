using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using LeadAgent.Web;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers.RespondIo;
using LeadAgent.Web.Features.Inbox.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Bench;

/// <summary>
/// Issue 4 target: webhook ingestion over HTTP on loopback on SQLite — ≥ 1,000 signed <c>message.received</c>
/// events/s acknowledged and fully processed (conversations, messages, and for new senders contacts, companies and
/// leads), and p99 acknowledgement under 50 ms at a steady 500 events/s. The raw baseline copies exactly the rows
/// the app wrote (webhook events, channels, conversations, messages, contacts, identities, companies, leads,
/// activity) into an empty database with plain ADO.NET, in as many transactions as the app used batches.
/// </summary>
internal static class WebhookBench
{
    private const string Key = "bench-webhook-signing-key";
    private static readonly string[] Tables =
    [
        "WebhookEvents", "InboxChannels", "Companies", "Contacts", "ContactIdentities", "Leads", "Conversations",
        "Messages", "ActivityLog",
    ];

    public static async Task RunAsync(DatabaseProvider provider, int events)
    {
        var target = await BenchDatabase.CreateAsync(provider, "webhooks");
        var dataDir = Directory.CreateTempSubdirectory("leadagent-bench-webhooks").FullName;
        await using var app = LeadAgentApp.Build(
        [
            $"--Database:Provider={provider}", $"--ConnectionStrings:LeadAgent={target.ConnectionString}",
            "--applicationName=LeadAgent.Web", "--Database:MigrateOnStart=false", "--Demo:Seed=false",
            $"--DataDirectory={dataDir}", "--Logging:LogLevel:Default=Warning", "--urls=http://127.0.0.1:0",
            $"--RespondIo:WebhookSigningKeys:0={Key}",
            // LEADAGENT_BENCH_SYNC=Normal measures SQLite without a disk sync on every commit.
            $"--Database:SqliteSynchronous={Environment.GetEnvironmentVariable("LEADAGENT_BENCH_SYNC") ?? "Full"}",
        ]);
        await app.StartAsync();
        var batch = app.Services
            .GetRequiredService<
                Microsoft.Extensions.Options.IOptions<LeadAgent.Web.Features.Inbox.Runtime.InboxOptions>>()
            .Value.BatchSize;
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var senders = Math.Max(1, events / 10);

        // Warm-up (JIT, pools), not counted.
        await SendAllAsync(http, Enumerable.Range(0, 200).Select(i => Body(1_000_000 + i, i % 20)).ToList(), 8);
        await DrainAsync(target, 200);

        var bodies = Enumerable.Range(0, events).Select(i => Body(i, i % senders)).ToList();
        var sw = Stopwatch.StartNew();
        var acks = await SendAllAsync(http, bodies, 32);
        var acked = sw.Elapsed;
        await DrainAsync(target, events + 200);
        var processed = sw.Elapsed;
        var perSecond = events / processed.TotalSeconds;

        // Steady 500 events/s for 10 s: acknowledgement latency while the worker keeps up.
        var steady = Enumerable.Range(0, 5000).Select(i => Body(2_000_000 + i, (i * 7) % senders)).ToList();
        var paced = await PacedAsync(http, steady, 500);
        await DrainAsync(target, events + 5200);
        await app.StopAsync();

        var copy = await BenchDatabase.CreateAsync(provider, "webhooks_raw");
        var transactions = (events + 5200 + batch - 1) / batch;
        var (rawRows, raw, _) = await ImportBench.RawCopyAsync(target, copy, Tables, transactions);
        var rawPerSecond = (events + 5200) / raw.TotalSeconds;
        Console.WriteLine($"webhooks on {provider}: {events:N0} signed message.received from {senders:N0} senders "
            + $"(32 concurrent): all acknowledged in {acked.TotalSeconds:F2} s "
            + $"(ack p50 {P(acks, 0.5):F1} ms, p99 {P(acks, 0.99):F1} ms), "
            + $"fully processed in {processed.TotalSeconds:F2} s = {perSecond:N0} events/s "
            + $"(target ≥ 1,000: {(perSecond >= 1000 ? "met" : "MISSED")})");
        Console.WriteLine($"  steady 500 events/s: ack p50 {P(paced, 0.5):F1} ms, p99 {P(paced, 0.99):F1} ms "
            + $"(target p99 < 50 ms: {(P(paced, 0.99) < 50 ? "met" : "MISSED")})");
        Console.WriteLine($"  raw insert of the same {rawRows:N0} rows in {transactions:N0} transactions: "
            + $"{raw.TotalSeconds:F2} s = {rawPerSecond:N0} events/s; ratio {perSecond / rawPerSecond:F2}");
    }

    private static string Body(int i, int sender)
    {
        var phone = (10000000 + sender).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $$$"""
            {"event_id":"{{{Guid.NewGuid()}}}","event_type":"message.received",
             "contact":{"id":{{{700000 + sender}}},"firstName":"Bench","lastName":"Sender {{{sender}}}",
                        "phone":"+4915{{{phone}}}1","email":"sender{{{sender}}}@bench-events{{{sender % 50}}}.example",
                        "countryCode":"DE","status":"open","assignee":null,"lifecycle":null,"created_at":1732400000},
             "message":{"messageId":{{{5_000_000_000L + i}}},"channelMessageId":"wamid.{{{i}}}",
                        "contactId":{{{700000 + sender}}},"channelId":12,"traffic":"incoming",
                        "message":{"type":"text",
                                   "text":"Hello, we need {{{i % 900 + 100}}} lanyards for event {{{i}}}."},
                        "timestamp":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},"status":[]},
             "channel":{"id":12,"name":"WhatsApp Sales","source":"whatsapp_cloud","meta":"{}","created_at":1700000000}}
            """;
    }

    private static async Task<double> PostAsync(HttpClient http, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/respondio")
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(RespondIoWebhookEndpoint.SignatureHeader, WebhookSignature.Sign(bytes, Key));
        var sw = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var ms = sw.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();
        return ms;
    }

    private static async Task<List<double>> SendAllAsync(HttpClient http, List<string> bodies, int concurrency)
    {
        var latencies = new double[bodies.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, bodies.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (i, _) => latencies[i] = await PostAsync(http, bodies[i]));
        return [.. latencies];
    }

    private static async Task<List<double>> PacedAsync(HttpClient http, List<string> bodies, int perSecond)
    {
        var start = Stopwatch.StartNew();
        var tasks = new List<Task<double>>();
        for (var i = 0; i < bodies.Count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond);
            if (due > start.Elapsed)
            {
                await Task.Delay(due - start.Elapsed);
            }
            tasks.Add(PostAsync(http, bodies[i]));
        }
        return [.. await Task.WhenAll(tasks)];
    }

    // Until every stored event is processed and every message exists.
    private static async Task DrainAsync(BenchDatabase database, int messages)
    {
        await using var db = database.CreateDbContext();
        while (await db.WebhookEvents.AnyAsync(e => e.Status == WebhookEventStatus.Received)
            || await db.Messages.CountAsync() < messages)
        {
            await Task.Delay(20);
        }
        if (await db.WebhookEvents.AnyAsync(e => e.Status == WebhookEventStatus.Failed))
        {
            var error = await db.WebhookEvents.Where(e => e.Status == WebhookEventStatus.Failed).Select(e => e.Error)
                .FirstAsync();
            throw new InvalidOperationException("Some webhook events failed: " + error);
        }
    }

    private static double P(List<double> ms, double q)
    {
        var sorted = ms.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
