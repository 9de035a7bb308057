using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadAgent.Tests.Infrastructure;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Processing;
using LeadAgent.Web.Features.Inbox.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LeadAgent.Tests.Inbox.InboxIngestionTests;
using static LeadAgent.Tests.Inbox.RespondIoEvents;

namespace LeadAgent.Tests.Inbox;

/// <summary>Replies through the persisted outbox against the fake Respond.io: every failure mode ends sent once or failed with a reason.</summary>
public abstract class InboxOutboxTests(InboxApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HttpClient Sales, Guid Conversation, Sender Sender)> ThreadAsync(Chan? channel = null, DateTimeOffset? lastInbound = null)
    {
        var s = NewSender("Rita", UniquePhone(), $"rita.{Guid.NewGuid():N}@example.org");
        using var client = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await FakeRespondIo.DeliverAsync(client, Received(s, "Can you send prices?", channel, at: lastInbound), AppFactory.WebhookKeys[0])).StatusCode);
        var conversation = await app.EventuallyAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.Conversations.Where(c => c.ExternalContactId == s.Id.ToString()).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(Ct);
        }, "conversation");
        return (await app.ClientAsync("sales"), conversation.GetValueOrDefault(), s);
    }

    private async Task<Message> SettledAsync(Guid messageId, int seconds = 40) => await app.EventuallyAsync(async () =>
    {
        await using var db = app.CreateDbContext();
        var m = await db.Messages.AsNoTracking().FirstAsync(x => x.Id == messageId, Ct);
        return m.Status is DeliveryStatus.Sent or DeliveryStatus.Delivered or DeliveryStatus.Read or DeliveryStatus.Failed ? m : null;
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
        Assert.Equal((12L, "text", "Hi Rita, prices attached."), (wire.ChannelId, wire.Message["type"]!.GetValue<string>(), wire.Message["text"]!.GetValue<string>()));
        Assert.Equal(wire.MessageId.ToString(), sent.ProviderMessageId);

        // Respond.io echoes our send as message.sent (source api): matched, not stored twice; its statuses apply.
        using var client = app.AnonymousClient();
        await FakeRespondIo.DeliverAsync(client, Sent(s, wire.MessageId, "Hi Rita, prices attached.", "api", null, "sent", "delivered"), AppFactory.WebhookKeys[0]);
        await app.EventuallyAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.Messages.AnyAsync(m => m.Id == id && m.Status == DeliveryStatus.Delivered, Ct) ? "ok" : null;
        }, "delivered");
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.Messages.CountAsync(m => m.ConversationId == conversation && m.Direction == MessageDirection.Outbound, Ct));
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
        await FakeRespondIo.DeliverAsync(client, Sent(s, wire.MessageId, "Echo race", "api"), AppFactory.WebhookKeys[0]);
        var sent = await SettledAsync(id);
        Assert.Equal(wire.MessageId.ToString(), sent.ProviderMessageId);
        await AfterEveryRetryAsync();
        Assert.Single(SentTo(s));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Messages.CountAsync(m => m.ConversationId == conversation && m.Direction == MessageDirection.Outbound, Ct));
    }

    [Fact]
    public async Task WhatsApp_free_text_is_refused_after_24_hours_and_an_approved_template_goes_out()
    {
        var (sales, conversation, s) = await ThreadAsync(lastInbound: DateTimeOffset.UtcNow.AddHours(-30));
        var refused = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages", new { text = "Still interested?" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var why = (await refused.ProblemAsync()).GetProperty("errors").GetProperty("text")[0].GetString();
        Assert.Contains("24-hour window closed", why);

        app.Fake.Templates["12"] =
        [
            JsonNode.Parse("""{"id":501,"name":"follow_up","languageCode":"de","category":"UTILITY","status":"APPROVED","components":[{"type":"HEADER","format":"TEXT","text":"Angebot {{1}}"},{"type":"BODY","text":"Hallo {{1}}, hier ist Ihr Angebot von {{2}}."},{"type":"FOOTER","text":"Promo GmbH"}]}""")!.AsObject(),
            JsonNode.Parse("""{"id":502,"name":"promo_draft","languageCode":"de","category":"MARKETING","status":"PENDING","components":[{"type":"BODY","text":"Neu!"}]}""")!.AsObject(),
        ];
        using var admin = await app.ClientAsync("admin");
        Assert.True((await (await admin.PostAsync("/api/v1/inbox/templates/sync", null, Ct)).ReadAsync<JsonElement>()).GetProperty("synced").GetInt32() >= 2);
        var detail = await (await sales.GetAsync($"/api/v1/inbox/conversations/{conversation}", Ct)).ReadAsync<JsonElement>();
        Assert.False(detail.GetProperty("freeText").GetProperty("allowed").GetBoolean());
        var templates = detail.GetProperty("templates").EnumerateArray().ToList();
        var approved = templates.Single(t => t.GetProperty("name").GetString() == "follow_up");
        var pending = templates.Single(t => t.GetProperty("name").GetString() == "promo_draft");
        Assert.True(approved.GetProperty("canSend").GetBoolean());
        Assert.Equal((2, 1), (approved.GetProperty("parameters").GetInt32(), approved.GetProperty("headerParameters").GetInt32()));
        Assert.False(pending.GetProperty("canSend").GetBoolean());

        var notApproved = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages", new { templateId = pending.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, notApproved.StatusCode);
        var missing = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages", new { templateId = approved.GetProperty("id").GetGuid(), parameters = new[] { "{{contact.first_name}}" }, headerParameters = new[] { "A-42" } });
        Assert.Contains("{{2}}", (await missing.ProblemAsync()).GetProperty("errors").GetProperty("parameters")[0].GetString());

        var noHeader = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages", new { templateId = approved.GetProperty("id").GetGuid(), parameters = new[] { "a", "b" } });
        Assert.Contains("{{1}}", (await noHeader.ProblemAsync()).GetProperty("errors").GetProperty("headerParameters")[0].GetString());

        var id = await ReplyAsync(sales, conversation, new { templateId = approved.GetProperty("id").GetGuid(), parameters = new[] { "{{contact.first_name}}", "Promo GmbH" }, headerParameters = new[] { "A-42" } });
        var sent = await SettledAsync(id);
        Assert.Equal("Angebot A-42\nHallo Rita, hier ist Ihr Angebot von Promo GmbH.", sent.Text);
        var wire = Assert.Single(SentTo(s)).Message;
        Assert.Equal("whatsapp_template", wire["type"]!.GetValue<string>());
        Assert.Equal(("follow_up", "de"), (wire["template"]!["name"]!.GetValue<string>(), wire["template"]!["languageCode"]!.GetValue<string>()));
        var components = wire["template"]!["components"]!.AsArray();
        Assert.Equal(("header", "A-42"), (components[0]!["type"]!.GetValue<string>(), components[0]!["parameters"]![0]!["text"]!.GetValue<string>()));
        Assert.Equal(["Rita", "Promo GmbH"], components[1]!["parameters"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Assignment_and_closing_are_mirrored_to_respond_io_and_notes_stay_internal()
    {
        var (sales, conversation, s) = await ThreadAsync(Instagram);
        var me = await (await sales.GetAsync("/api/v1/me", Ct)).ReadAsync<JsonElement>();
        await (await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/assign", new { userId = me.GetProperty("id").GetString() })).ReadAsync<JsonElement>();
        var closed = await (await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/status", new { status = "Closed" })).ReadAsync<JsonElement>();
        Assert.Equal("Closed", closed.GetProperty("conversation").GetProperty("status").GetString());
        await (await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/notes", new { text = "Called her, wants samples." })).ReadAsync<JsonElement>();
        var identifier = $"id:{s.Id}";
        await app.EventuallyAsync(() => Task.FromResult(app.Fake.Commands.Count(c => c.Identifier == identifier) == 2 ? "2" : null), "two mirrored commands");
        var commands = app.Fake.Commands.Where(c => c.Identifier == identifier).ToList();
        Assert.Equal(me.GetProperty("email").GetString(), commands.Single(c => c.Path == "assignee").Body!["assignee"]!.GetValue<string>());
        Assert.Equal("close", commands.Single(c => c.Path == "status").Body!["status"]!.GetValue<string>());
        Assert.Empty(SentTo(s));

        using var viewer = await app.ClientAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages", new { text = "hi" })).StatusCode);
    }

    [Fact]
    public async Task Email_to_a_suppressed_address_is_refused_with_the_reason()
    {
        var (sales, conversation, s) = await ThreadAsync(Mail);
        var id = await ReplyAsync(sales, conversation, new { text = "Here is the offer.", subject = "Your offer" });
        Assert.Equal(DeliveryStatus.Sent, (await SettledAsync(id)).Status);
        var wire = Assert.Single(SentTo(s)).Message;
        Assert.Equal(("email", "Your offer"), (wire["type"]!.GetValue<string>(), wire["subject"]!.GetValue<string>()));

        await (await sales.PostJsonAsync("/api/v1/inbox/suppressions", new { address = s.Email!.ToUpperInvariant(), reason = "hard bounce" })).ReadAsync<JsonElement>();
        var refused = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages", new { text = "Another one" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("suppressed (hard bounce)", (await refused.ProblemAsync()).GetProperty("errors").GetProperty("text")[0].GetString());
        var detail = await (await sales.GetAsync($"/api/v1/inbox/conversations/{conversation}", Ct)).ReadAsync<JsonElement>();
        Assert.False(detail.GetProperty("freeText").GetProperty("allowed").GetBoolean());
        Assert.Single(SentTo(s));
    }

    [Fact]
    public async Task Backfill_brings_in_history_once_matched_and_not_unread()
    {
        var id = 880_000 + Random.Shared.Next(100_000);
        var phone = UniquePhone();
        app.Fake.Channels.Add(new JsonObject { ["id"] = 12, ["name"] = "WhatsApp Sales", ["source"] = "whatsapp_cloud" });
        app.Fake.Contacts.Add(new JsonObject { ["id"] = id, ["firstName"] = "Hilde", ["lastName"] = "History", ["phone"] = phone, ["countryCode"] = "DE" });
        var at = DateTimeOffset.UtcNow.AddDays(-3).ToUnixTimeMilliseconds();
        app.Fake.History[$"id:{id}"] = [.. Enumerable.Range(0, 120).Select(i => new JsonObject
        {
            ["messageId"] = 3_000_000_000L + id * 1000L + i, ["contactId"] = id, ["channelId"] = 12, ["traffic"] = i % 2 == 0 ? "incoming" : "outgoing",
            ["message"] = new JsonObject { ["type"] = "text", ["text"] = $"old message {i}" },
            ["status"] = new JsonArray(new JsonObject { ["value"] = i % 2 == 0 ? "delivered" : "read", ["timestamp"] = at + i * 60_000 }),
            ["sender"] = new JsonObject { ["source"] = i % 2 == 0 ? "contact" : "user" },
        })];
        using var admin = await app.ClientAsync("admin");
        var first = await (await admin.PostJsonAsync("/api/v1/inbox/backfill", new { contacts = 1000, messagesPerContact = 500 })).ReadAsync<JsonElement>();
        Assert.True(first.GetProperty("queued").GetInt32() >= 120); // three pages of 50 messages for this contact
        var conversation = await app.EventuallyAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            var c = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(x => x.ExternalContactId == id.ToString(), Ct);
            return c is not null && await db.Messages.CountAsync(m => m.ConversationId == c.Id, Ct) == 120 ? c : null;
        }, "history processed");
        Assert.Equal(0, conversation.UnreadCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(at + 118 * 60_000).UtcDateTime, conversation.LastInboundAt);

        var again = await (await admin.PostJsonAsync("/api/v1/inbox/backfill", new { contacts = 1000, messagesPerContact = 500 })).ReadAsync<JsonElement>();
        Assert.True(again.GetProperty("alreadyKnown").GetInt32() >= 120);
        await AfterEveryRetryAsync();
        await using var check = app.CreateDbContext();
        Assert.Equal(120, await check.Messages.CountAsync(m => m.ConversationId == conversation.Id, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("sales")).PostJsonAsync("/api/v1/inbox/backfill", new { })).StatusCode);
    }

    [Fact]
    public async Task Settings_are_masked_and_test_connection_lists_the_channels()
    {
        using var admin = await app.ClientAsync("admin");
        app.Fake.Channels.Clear();
        app.Fake.Channels.AddRange([.. Enumerable.Range(1, 12).Select(i => new JsonObject { ["id"] = 900 + i, ["name"] = $"Channel {i}", ["source"] = i % 2 == 0 ? "instagram" : "whatsapp_cloud", ["created_at"] = 1700000000 })]);
        var view = await (await admin.GetAsync("/api/v1/inbox/settings", Ct)).ReadAsync<JsonElement>();
        Assert.Equal("••••oken", view.GetProperty("apiToken").GetString());
        Assert.DoesNotContain(FakeRespondIo.Token, view.GetRawText());
        var test = await (await admin.PostAsync("/api/v1/inbox/settings/test", null, Ct)).ReadAsync<JsonElement>();
        Assert.True(test.GetProperty("ok").GetBoolean());
        Assert.Equal(12, test.GetProperty("channels").GetArrayLength()); // two pages of ten
        using var sales = await app.ClientAsync("sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/v1/inbox/settings", Ct)).StatusCode);
    }
}

public sealed class InboxOutboxSqliteTests(SqliteInboxApp app) : InboxOutboxTests(app), IClassFixture<SqliteInboxApp>;

public sealed class InboxOutboxPostgresTests(PostgresInboxApp app) : InboxOutboxTests(app), IClassFixture<PostgresInboxApp>;
