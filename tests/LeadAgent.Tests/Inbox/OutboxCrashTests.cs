using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Features.Inbox.Conversations;
using Microsoft.EntityFrameworkCore;
using static LeadAgent.Tests.Kit.AppProcess;

namespace LeadAgent.Tests.Inbox;

/// <summary>
/// The real executable is killed (SIGKILL) after Respond.io accepted a reply but before the app saved that it did;
/// after the restart the reply is found among the contact's messages at the provider and adopted: sent exactly once.
/// </summary>
// The collection of the import crash tests (by name: it may move), so these real processes never run at once.
[Collection(nameof(KilledProcesses))]
public sealed class OutboxCrashTests
{
    private const string Key = "crash-test-signing-key";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Killed_between_the_send_and_its_save_the_reply_is_reconciled_not_sent_twice(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var fake = await FakeRespondIo.StartAsync();
        fake.TimeoutDelay = TimeSpan.FromMinutes(2);
        await using var database = await TestDatabase.CreateAsync(provider);
        var dataDir = Directory.CreateTempSubdirectory("leadagent-outbox-crash").FullName;
        var (env, connection, http) = await PrepareProcessAsync(provider, database, dataDir, "agent@example.com", new()
        {
            ["RespondIo__BaseUrl"] = fake.Url,
            ["RespondIo__ApiToken"] = FakeRespondIo.Token,
            ["RespondIo__WebhookSigningKeys__0"] = Key,
            ["Network__AllowedPrivateRanges__0"] = "127.0.0.0/8", // the fake listens on loopback
            // The first process is still waiting for the provider's answer when it is killed.
            ["Inbox__HttpTimeoutSeconds"] = "60",
            ["Inbox__LeaseSeconds"] = "3",
            ["Inbox__PollSeconds"] = "1",
            ["Inbox__RetrySeconds"] = "1",
        });
        using var _ = http;
        var sender = new RespondIoEvents.Sender(4_242_424, "Karl", "Crash", "+4915112345678");

        Guid conversation, reply;
        var first = Serve(env);
        try
        {
            await WaitReadyAsync(http, first, ct);
            (await FakeRespondIo.DeliverAsync(http, RespondIoEvents.Received(sender, "Please call me back"),
                Key)).EnsureSuccessStatusCode();
            conversation = await Until(async () =>
            {
                var list = await http.GetFromJsonAsync<JsonElement>("/api/v1/inbox/conversations?q=karl", ct);
                return list.GetProperty("items").GetArrayLength() == 1 ? list.GetProperty("items")[0]
                    .GetProperty("id").GetGuid() : (Guid?)null;
            }, ct);
            fake.Inject(FakeRespondIo.Identifier(sender.Id), "message", Fault.AcceptThenTimeout);
            var posted = await http.PostAsJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages",
                new { text = "Calling you at 3 pm." }, ct);
            reply = (await posted.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
            // Respond.io has it; the app is still waiting for the answer.
            await Until(() => Task.FromResult(fake.Messages.Any(m => m.ContactIdentifier == $"id:{sender.Id}")
                ? (Guid?)Guid.Empty : null), ct);
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(ct);
        }

        await using (var db = Open(provider, connection))
        {
            var inFlight = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == reply, ct);
            Assert.Equal((DeliveryStatus.Sending, (string?)null), (inFlight.Status, inFlight.ProviderMessageId));
            Assert.NotNull(inFlight.SendStartedAt);
        }

        var second = Serve(env);
        try
        {
            await WaitReadyAsync(http, second, ct);
            await Until(async () =>
            {
                await using var db = Open(provider, connection);
                return await db.Messages.AnyAsync(m => m.Id == reply && m.Status == DeliveryStatus.Sent, ct)
                    ? (Guid?)Guid.Empty : null;
            }, ct);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync(ct);
        }
        var sent = Assert.Single(fake.Messages, m => m.ContactIdentifier == $"id:{sender.Id}");
        await using (var db = Open(provider, connection))
        {
            Assert.Equal(sent.MessageId.ToString(), (await db.Messages.AsNoTracking().SingleAsync(m => m.Id == reply,
                ct)).ProviderMessageId);
            Assert.Equal(1, await db.Messages.CountAsync(m => m.ConversationId == conversation
                && m.Direction == MessageDirection.Outbound, ct));
        }
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<Guid> Until(Func<Task<Guid?>> probe, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (await probe() is { } found)
            {
                return found;
            }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException("waited a minute");
    }
}
