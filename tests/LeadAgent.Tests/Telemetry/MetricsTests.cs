using System.Globalization;
using System.Net;
using LeadAgent.Tests.Inbox;
using LeadAgent.Web.Data;

namespace LeadAgent.Tests.Telemetry;

/// <summary>
/// Prometheus scrapes the app's metrics with an admin's token: HTTP and runtime metrics, and the inbox's own —
/// webhook events received and handled, the queues' depth and age. Counters are read before and after, since other
/// apps in this test process report to the same meters.
/// </summary>
// An app of its own: the shared records app's inbox worker also sends other tests' replies, which may hold it up.
public sealed class MetricsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Admins_scrape_metrics_that_count_webhook_events_and_show_the_queues()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.AnonymousClient().GetAsync("/metrics", Ct)).StatusCode);
        var sales = await app.ClientAsync(Roles.Sales);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/metrics", Ct)).StatusCode);

        var before = await ScrapeAsync(admin);
        var received = Value(before, "leadagent_webhook_events_received_total");
        var processed = Value(before, "leadagent_webhook_events_handled_total", "outcome=\"processed\"");
        var sender = new RespondIoEvents.Sender(Random.Shared.NextInt64(8_000_000, 9_000_000), "Metric", "Sender",
            $"+49151{Random.Shared.Next(3_000_000, 3_999_999)}");
        var delivered = await FakeRespondIo.DeliverAsync(app.AnonymousClient(),
            RespondIoEvents.Received(sender, "Counting?"), AppFactory.WebhookKeys[0]);
        delivered.EnsureSuccessStatusCode();

        string after;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the event was not processed");
            await Task.Delay(100, Ct);
            after = await ScrapeAsync(admin);
        }
        while (Value(after, "leadagent_webhook_events_handled_total", "outcome=\"processed\"") < processed + 1);

        Assert.True(Value(after, "leadagent_webhook_events_received_total") >= received + 1);
        foreach (var gauge in new[]
        {
            "leadagent_webhook_queue_depth", "leadagent_webhook_queue_oldest_age_seconds", "leadagent_outbox_depth",
            "leadagent_outbox_oldest_age_seconds", "http_server_request_duration_seconds_count",
        })
        {
            Assert.Contains("\n" + gauge, after);
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
