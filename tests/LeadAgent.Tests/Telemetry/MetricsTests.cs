using System.Globalization;
using System.Net;
using LeadAgent.Tests.Inbox;
using LeadAgent.Web.Data;

namespace LeadAgent.Tests.Telemetry;

/// <summary>
/// Prometheus scrapes the app's metrics with an admin's token: HTTP and runtime metrics, and the inbox's own —
/// webhook events received and handled, the queues' depth and age. The real executable runs alone in its process,
/// as in production (in-process test apps would all report to one another's listeners).
/// </summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Admins_scrape_metrics_that_count_webhook_events_and_show_the_queues()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var dataDir = Directory.CreateTempSubdirectory("leadagent-metrics").FullName;
        var (env, _, sales) = await AppProcess.PrepareProcessAsync(Provider.Sqlite, database, dataDir,
            "metrics-sales@example.com",
            new() { ["RespondIo__WebhookSigningKeys__0"] = AppFactory.WebhookKeys[0], ["Inbox__PollSeconds"] = "1" });
        using var _ = sales;
        await AppProcess.RunHereAsync(env, "a-long-password-1",
            "users", "add", "--email", "metrics-admin@example.com", "--role", "admin", "--password-stdin");
        var token = (await AppProcess.RunHereAsync(env, null,
            "tokens", "create", "--email", "metrics-admin@example.com", "--name", "prometheus")).Trim();
        using var admin = new HttpClient { BaseAddress = sales.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var anonymous = new HttpClient { BaseAddress = sales.BaseAddress };

        var process = AppProcess.Serve(env);
        try
        {
            await AppProcess.WaitReadyAsync(sales, process, Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/metrics", Ct)).StatusCode);

            var sender = new RespondIoEvents.Sender(8_100_001, "Metric", "Sender", "+491513000001");
            var body = RespondIoEvents.Received(sender, "Counting?");
            (await FakeRespondIo.DeliverAsync(anonymous, body, AppFactory.WebhookKeys[0])).EnsureSuccessStatusCode();
            // A redelivery is acknowledged but not counted again.
            (await FakeRespondIo.DeliverAsync(anonymous, body, AppFactory.WebhookKeys[0])).EnsureSuccessStatusCode();

            string after;
            var waited = System.Diagnostics.Stopwatch.StartNew();
            do
            {
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the event was not processed");
                await Task.Delay(100, Ct);
                after = await ScrapeAsync(admin);
            }
            while (Value(after, "leadagent_webhook_events_handled_total", "outcome=\"processed\"") < 1);

            Assert.Equal(1, Value(after, "leadagent_webhook_events_handled_total", "outcome=\"processed\""));
            Assert.Equal(1, Value(after, "leadagent_webhook_events_received_total"));
            foreach (var gauge in new[]
            {
                "leadagent_webhook_queue_depth", "leadagent_webhook_queue_oldest_age_seconds",
                "leadagent_outbox_depth", "leadagent_outbox_oldest_age_seconds",
                "http_server_request_duration_seconds_count",
            })
            {
                Assert.Contains("\n" + gauge, after);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
        }
    }

    private static async Task<string> ScrapeAsync(HttpClient admin)
    {
        var response = await admin.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    // The sum of the metric's series that carry the label (0 before the first event). A sample line is
    // `name{labels} value [timestamp]`.
    private static double Value(string scrape, string name, string label = "") => scrape.Split('\n')
        .Where(line => (line.StartsWith(name + "{", StringComparison.Ordinal)
            || line.StartsWith(name + " ", StringComparison.Ordinal)) && line.Contains(label, StringComparison.Ordinal))
        .Sum(line => double.Parse(line[(line.Contains('}') ? line.LastIndexOf('}') + 1 : name.Length)..].Trim()
            .Split(' ')[0], CultureInfo.InvariantCulture));
}
