using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadAgent.Tests.Inbox;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Webhooks;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;
using static LeadAgent.Tests.Kit.AppProcess;

namespace LeadAgent.Tests.MultiNode;

/// <summary>
/// Two real app processes on one PostgreSQL database, as a team runs them behind a proxy: imports, webhook events
/// (each delivered to both instances) and replies are started on either one, and each is handled exactly once.
/// </summary>
[Collection(nameof(KilledProcesses))]
public sealed class TwoInstancesTests
{
    private const string Key = "two-instances-signing-key";
    private const int Imports = 4, RowsPerImport = 1_500, Senders = 30, Replies = 12;

    [Fact]
    public async Task Two_instances_handle_each_import_event_and_reply_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeRespondIo.StartAsync();
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        var dataDir = Directory.CreateTempSubdirectory("leadagent-two").FullName;
        var (envA, connection, a) = await PrepareProcessAsync(Provider.Postgres, database, dataDir, "team@example.com",
            new()
            {
                ["RespondIo__BaseUrl"] = fake.Url,
                ["RespondIo__ApiToken"] = FakeRespondIo.Token,
                ["RespondIo__WebhookSigningKeys__0"] = Key,
                ["Network__AllowedPrivateRanges__0"] = "127.0.0.0/8",
                ["Imports__PollSeconds"] = "1",
                ["Imports__BatchSize"] = "500",
                ["Inbox__PollSeconds"] = "1",
            });
        var envB = new Dictionary<string, string>(envA) { ["Urls"] = $"http://127.0.0.1:{FreePort()}" };
        using var b = new HttpClient { BaseAddress = new Uri(envB["Urls"]), Timeout = a.Timeout };
        b.DefaultRequestHeaders.Authorization = a.DefaultRequestHeaders.Authorization;
        HttpClient[] nodes = [a, b];
        var senders = Enumerable.Range(0, Senders)
            .Select(i => new RespondIoEvents.Sender(7_100_000 + i, $"Node{i}", "Twin", $"+49151{2_000_000 + i}"))
            .ToList();

        var processA = Serve(envA);
        var processB = Serve(envB);
        try
        {
            await WaitReadyAsync(a, processA, ct);
            await WaitReadyAsync(b, processB, ct);
            var runs = new List<Guid>();
            for (var i = 0; i < Imports; i++)
            {
                runs.Add(await StartImportAsync(nodes[i % 2], i, ct));
            }
            // Every event reaches both instances, as a provider retrying through a load balancer would deliver it.
            foreach (var body in senders.Select((s, i) => RespondIoEvents.Received(s, $"Hello from {i}")))
            {
                foreach (var node in nodes)
                {
                    (await FakeRespondIo.DeliverAsync(node, body, Key)).EnsureSuccessStatusCode();
                }
            }
            var conversations = await UntilAsync(async () =>
            {
                var list = await a.GetFromJsonAsync<JsonElement>("/api/v1/inbox/conversations?q=twin&limit=100", ct);
                var items = list.GetProperty("items");
                return items.GetArrayLength() == Senders
                    ? items.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList() : null;
            }, ct);
            for (var i = 0; i < Replies; i++)
            {
                var posted = await nodes[i % 2].PostAsJsonAsync(
                    $"/api/v1/inbox/conversations/{conversations[i]}/messages",
                    new { text = $"Reply {i}" }, ct);
                Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync(ct));
            }
            await UntilAsync(async () =>
            {
                await using var db = Open(Provider.Postgres, connection);
                var importsDone =
                    await db.ImportRuns.CountAsync(r => r.Status == ImportStatus.Completed, ct) == Imports;
                var eventsDone = !await db.WebhookEvents.AnyAsync(e => e.Status == WebhookEventStatus.Received, ct);
                var sent = await db.Messages.CountAsync(m => m.Direction == MessageDirection.Outbound
                    && m.Status == DeliveryStatus.Sent, ct) == Replies;
                return importsDone && eventsDone && sent ? "done" : null;
            }, ct);
        }
        finally
        {
            foreach (var process in new[] { processA, processB })
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(ct);
            }
        }

        await using (var db = Open(Provider.Postgres, connection))
        {
            // Imported leads only: each new sender brings a lead of its own too.
            var imported = db.Leads.Where(l => l.ImportRunId != null);
            Assert.Equal(Imports * RowsPerImport, await imported.CountAsync(ct));
            Assert.Equal(Imports * RowsPerImport, await imported.Select(l => l.Title).Distinct().CountAsync(ct));
            foreach (var run in await db.ImportRuns.AsNoTracking().ToListAsync(ct))
            {
                Assert.Equal((RowsPerImport, RowsPerImport, 0), (run.RowsDone, run.Created, run.Rejected));
                Assert.Equal(1,
                    await db.Activity.CountAsync(e => e.BatchId == run.Id && e.Action == "import-completed", ct));
            }
            // Intake kept one event per delivery id; each was applied once, on its first attempt.
            var events = await db.WebhookEvents.AsNoTracking().ToListAsync(ct);
            Assert.Equal(Senders, events.Count);
            Assert.All(events, e => Assert.Equal((WebhookEventStatus.Processed, 1), (e.Status, e.Attempts)));
            Assert.Equal(Senders, await db.Messages.CountAsync(m => m.Direction == MessageDirection.Inbound, ct));
            Assert.Equal(Senders, await db.Conversations.CountAsync(ct));
        }
        // Respond.io received each reply once.
        var replies = fake.Messages.Select(m => m.Message["text"]?.GetValue<string>()).ToList();
        Assert.Equal(Enumerable.Range(0, Replies).Select(i => $"Reply {i}").Order(), replies.Order());
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<Guid> StartImportAsync(HttpClient node, int file, CancellationToken ct)
    {
        var csv = new StringBuilder("company_name,company_domain,contact_first_name,contact_email,title\n");
        for (var i = 0; i < RowsPerImport; i++)
        {
            csv.Append($"Twin {file}-{i} GmbH,twin{file}-{i}.de,Eva{i},eva@twin{file}-{i}.de,Lead {file}-{i}\n");
        }
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var started = await node.PostAsync(
            $"/api/v1/imports?kind=Leads&fileName=twin{file}.csv&defaultCountry=DE", body, ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
    }

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, CancellationToken ct) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (await probe() is { } found)
            {
                return found;
            }
            await Task.Delay(250, ct);
        }
        throw new TimeoutException("the two instances did not finish the work in time");
    }
}
