using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Processing;
using LeadAgent.Web.Features.Inbox.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LeadAgent.Tests.Inbox.InboxIngestionTests;
using static LeadAgent.Tests.Inbox.RespondIoEvents;

namespace LeadAgent.Tests.Inbox;

/// <summary>Replies through the persisted outbox against the fake Respond.io: every failure mode ends sent once or
/// failed with a reason.</summary>
public abstract partial class InboxOutboxTests(InboxApp app)
{
    // The fixture, for the parts of this class in other files (primary constructor parameters are not seen there).
    private InboxApp App => app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Sales, Guid Conversation, Sender Sender)> ThreadAsync(Chan? channel = null,
        DateTimeOffset? lastInbound = null)
    {
        var s = NewSender("Rita", UniquePhone(), $"rita.{Guid.NewGuid():N}@example.org");
        using var client = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK,
            (await FakeRespondIo.DeliverAsync(client, Received(s, "Can you send prices?", channel, at: lastInbound),
            AppFactory.WebhookKeys[0])).StatusCode);
        var conversation = await app.EventuallyAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.Conversations.Where(c => c.ExternalContactId == s.Id.ToString())
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(Ct);
        }, "conversation");
        return (await app.ClientAsync("sales"), conversation.GetValueOrDefault(), s);
    }

    private async Task<Message> SettledAsync(Guid messageId, int seconds = 40) => await app.EventuallyAsync(async () =>
    {
        await using var db = app.CreateDbContext();
        var m = await db.Messages.AsNoTracking().FirstAsync(x => x.Id == messageId, Ct);
        return m.Status is DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Read
            or DeliveryStatus.Failed ? m : null;
    }, "message settled", seconds);

    private List<FakeRespondIo.Sent> SentTo(Sender s) =>
        app.Fake.Messages.Where(m => m.ContactIdentifier == FakeRespondIo.Identifier(s.Id)).ToList();

    // Later than any retry or lease of these tests (seconds), with the due work done: nothing may have gone again.
    // Not a day: the fixture's clock must stay inside the 24-hour reply windows of the following tests.
    private async Task AfterEveryRetryAsync()
    {
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var outbox = app.Services.GetRequiredService<OutboxProcessor>();
        while (await outbox.SendDueAsync(Ct) > 0)
        {
        }
        await app.Services.GetRequiredService<WebhookProcessor>().ProcessDueAsync(Ct);
    }

    private static async Task<Guid> ReplyAsync(HttpClient sales, Guid conversation, object body)
    {
        var response = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var message = await response.ReadAsync<JsonElement>();
        Assert.Equal("Pending", message.GetProperty("status").GetString());
        return message.GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_reply_is_sent_once_with_the_channel_and_the_providers_id_is_kept()
    {
        var (sales, conversation, s) = await ThreadAsync();
        var id = await ReplyAsync(sales, conversation, new { text = "Hi Rita, prices attached." });
        var sent = await SettledAsync(id);
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        var wire = Assert.Single(SentTo(s));
        Assert.Equal((12L, "text", "Hi Rita, prices attached."),
            (wire.ChannelId, wire.Message["type"]!.GetValue<string>(), wire.Message["text"]!.GetValue<string>()));
        Assert.Equal(wire.MessageId.ToString(), sent.ProviderMessageId);

        // Respond.io echoes our send as message.sent (source api): matched, not stored twice; its statuses apply.
        using var client = app.AnonymousClient();
        await FakeRespondIo.DeliverAsync(client, Sent(s, wire.MessageId, "Hi Rita, prices attached.", "api", null,
            "sent", "delivered"), AppFactory.WebhookKeys[0]);
        await app.EventuallyAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.Messages.AnyAsync(m => m.Id == id && m.Status == DeliveryStatus.Delivered, Ct) ? "ok"
                : null;
        }, "delivered");
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.Messages.CountAsync(m => m.ConversationId == conversation
            && m.Direction == MessageDirection.Outbound, Ct));
    }

    [Theory]
    [InlineData(Fault.RateLimit)]
    [InlineData(Fault.ServerError)]
    [InlineData(Fault.Timeout)]
    [InlineData(Fault.AcceptThenTimeout)]
    [InlineData(Fault.AcceptThenServerError)]
    public async Task Transient_failures_end_with_the_message_sent_exactly_once(Fault fault)
    {
        var (sales, conversation, s) = await ThreadAsync();
        app.Fake.Inject(FakeRespondIo.Identifier(s.Id), "message", fault, 2);
        var id = await ReplyAsync(sales, conversation, new { text = $"Offer after {fault}" });
        var sent = await SettledAsync(id);
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        var wire = Assert.Single(SentTo(s));
        Assert.Equal(wire.MessageId.ToString(), sent.ProviderMessageId);
    }

    [Fact]
    public async Task A_permanent_refusal_fails_with_the_providers_reason_and_is_not_retried()
    {
        var (sales, conversation, s) = await ThreadAsync();
        app.Fake.Inject(FakeRespondIo.Identifier(s.Id), "message", Fault.BadRequest);
        var id = await ReplyAsync(sales, conversation, new { text = "This one is refused" });
        var failed = await SettledAsync(id);
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Contains("131047", failed.Error);
        Assert.Null(failed.NextAttemptAt);
        await AfterEveryRetryAsync();
        Assert.Equal(1, app.Fake.SendAttempts(FakeRespondIo.Identifier(s.Id)));
        Assert.Empty(SentTo(s));
    }

    [Fact]
    public async Task The_echo_arriving_before_the_send_is_saved_is_matched_not_duplicated()
    {
        var (sales, conversation, s) = await ThreadAsync();
        app.Fake.Inject(FakeRespondIo.Identifier(s.Id), "message", Fault.AcceptThenTimeout);
        var id = await ReplyAsync(sales, conversation, new { text = "Echo race" });
        var wire = await app.EventuallyAsync(() => Task.FromResult(SentTo(s).FirstOrDefault()), "provider got it");
        using var client = app.AnonymousClient();
        await FakeRespondIo.DeliverAsync(client, Sent(s, wire.MessageId, "Echo race", "api"),
            AppFactory.WebhookKeys[0]);
        var sent = await SettledAsync(id);
        Assert.Equal(wire.MessageId.ToString(), sent.ProviderMessageId);
        await AfterEveryRetryAsync();
        Assert.Single(SentTo(s));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Messages.CountAsync(m => m.ConversationId == conversation
            && m.Direction == MessageDirection.Outbound, Ct));
    }
}

public sealed class InboxOutboxSqliteTests(SqliteInboxApp app) : InboxOutboxTests(app), IClassFixture<SqliteInboxApp>;

public sealed class InboxOutboxPostgresTests(PostgresInboxApp app) : InboxOutboxTests(app),
    IClassFixture<PostgresInboxApp>;
