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

/// <summary>
/// Outbox tests around the workspace: WhatsApp templates, mirrored changes, suppression, backfill, settings.
/// </summary>
public abstract partial class InboxOutboxTests
{
    [Fact]
    public async Task WhatsApp_free_text_is_refused_after_24_hours_and_an_approved_template_goes_out()
    {
        var (sales, conversation, s) = await ThreadAsync(lastInbound: DateTimeOffset.UtcNow.AddHours(-30));
        var refused = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages",
            new { text = "Still interested?" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var why = (await refused.ProblemAsync()).GetProperty("errors").GetProperty("text")[0].GetString();
        Assert.Contains("24-hour window closed", why);

        App.Fake.Templates["12"] =
        [
            JsonNode.Parse("""
                {"id":501,"name":"follow_up","languageCode":"de","category":"UTILITY","status":"APPROVED",
                 "components":[{"type":"HEADER","format":"TEXT","text":"Angebot {{1}}"},
                               {"type":"BODY","text":"Hallo {{1}}, hier ist Ihr Angebot von {{2}}."},
                               {"type":"FOOTER","text":"Promo GmbH"}]}
                """)!.AsObject(),
            JsonNode.Parse("""
                {"id":502,"name":"promo_draft","languageCode":"de","category":"MARKETING","status":"PENDING",
                 "components":[{"type":"BODY","text":"Neu!"}]}
                """)!.AsObject(),
        ];
        using var admin = await App.ClientAsync("admin");
        Assert.True((await (await admin.PostAsync("/api/v1/inbox/templates/sync", null, Ct))
            .ReadAsync<JsonElement>()).GetProperty("synced").GetInt32() >= 2);
        var detail = await (await sales.GetAsync($"/api/v1/inbox/conversations/{conversation}", Ct))
            .ReadAsync<JsonElement>();
        Assert.False(detail.GetProperty("freeText").GetProperty("allowed").GetBoolean());
        var templates = detail.GetProperty("templates").EnumerateArray().ToList();
        var approved = templates.Single(t => t.GetProperty("name").GetString() == "follow_up");
        var pending = templates.Single(t => t.GetProperty("name").GetString() == "promo_draft");
        Assert.True(approved.GetProperty("canSend").GetBoolean());
        Assert.Equal((2, 1), (approved.GetProperty("parameters").GetInt32(),
            approved.GetProperty("headerParameters").GetInt32()));
        Assert.False(pending.GetProperty("canSend").GetBoolean());

        var notApproved = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages",
            new { templateId = pending.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, notApproved.StatusCode);
        var missing = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages",
            new
            {
                templateId = approved.GetProperty("id").GetGuid(),
                parameters = new[] { "{{contact.first_name}}" },
                headerParameters = new[] { "A-42" }
            });
        Assert.Contains("{{2}}", (await missing.ProblemAsync()).GetProperty("errors")
            .GetProperty("parameters")[0].GetString());

        var noHeader = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages",
            new { templateId = approved.GetProperty("id").GetGuid(), parameters = new[] { "a", "b" } });
        Assert.Contains("{{1}}", (await noHeader.ProblemAsync()).GetProperty("errors")
            .GetProperty("headerParameters")[0].GetString());

        var id = await ReplyAsync(sales, conversation, new
        {
            templateId = approved.GetProperty("id").GetGuid(),
            parameters = new[] { "{{contact.first_name}}", "Promo GmbH" },
            headerParameters = new[] { "A-42" }
        });
        var sent = await SettledAsync(id);
        Assert.Equal("Angebot A-42\nHallo Rita, hier ist Ihr Angebot von Promo GmbH.", sent.Text);
        var wire = Assert.Single(SentTo(s)).Message;
        Assert.Equal("whatsapp_template", wire["type"]!.GetValue<string>());
        Assert.Equal(("follow_up", "de"), (wire["template"]!["name"]!.GetValue<string>(),
            wire["template"]!["languageCode"]!.GetValue<string>()));
        var components = wire["template"]!["components"]!.AsArray();
        Assert.Equal(("header", "A-42"), (components[0]!["type"]!.GetValue<string>(),
            components[0]!["parameters"]![0]!["text"]!.GetValue<string>()));
        Assert.Equal(["Rita", "Promo GmbH"], components[1]!["parameters"]!.AsArray()
            .Select(p => p!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Assignment_and_closing_are_mirrored_to_respond_io_and_notes_stay_internal()
    {
        var (sales, conversation, s) = await ThreadAsync(Instagram);
        var me = await (await sales.GetAsync("/api/v1/me", Ct)).ReadAsync<JsonElement>();
        await (await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/assign",
            new { userId = me.GetProperty("id").GetString() })).ReadAsync<JsonElement>();
        var closed = await (await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/status",
            new { status = "Closed" })).ReadAsync<JsonElement>();
        Assert.Equal("Closed", closed.GetProperty("conversation").GetProperty("status").GetString());
        await (await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/notes",
            new { text = "Called her, wants samples." })).ReadAsync<JsonElement>();
        var identifier = $"id:{s.Id}";
        await App.EventuallyAsync(() => Task.FromResult(App.Fake.Commands.Count(c => c.Identifier == identifier) == 2
            ? "2" : null), "two mirrored commands");
        var commands = App.Fake.Commands.Where(c => c.Identifier == identifier).ToList();
        Assert.Equal(me.GetProperty("email").GetString(),
            commands.Single(c => c.Path == "assignee").Body!["assignee"]!.GetValue<string>());
        Assert.Equal("close", commands.Single(c => c.Path == "status").Body!["status"]!.GetValue<string>());
        Assert.Empty(SentTo(s));

        using var viewer = await App.ClientAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await viewer.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages",
            new { text = "hi" })).StatusCode);
    }

    [Fact]
    public async Task Email_to_a_suppressed_address_is_refused_with_the_reason()
    {
        var (sales, conversation, s) = await ThreadAsync(Mail);
        var id = await ReplyAsync(sales, conversation, new { text = "Here is the offer.", subject = "Your offer" });
        Assert.Equal(DeliveryStatus.Sent, (await SettledAsync(id)).Status);
        var wire = Assert.Single(SentTo(s)).Message;
        Assert.Equal(("email", "Your offer"), (wire["type"]!.GetValue<string>(), wire["subject"]!.GetValue<string>()));

        await (await sales.PostJsonAsync("/api/v1/inbox/suppressions", new
        {
            address = s.Email!.ToUpperInvariant(),
            reason = "hard bounce"
        })).ReadAsync<JsonElement>();
        var refused = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/messages",
            new { text = "Another one" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("suppressed (hard bounce)", (await refused.ProblemAsync()).GetProperty("errors")
            .GetProperty("text")[0].GetString());
        var detail = await (await sales.GetAsync($"/api/v1/inbox/conversations/{conversation}", Ct))
            .ReadAsync<JsonElement>();
        Assert.False(detail.GetProperty("freeText").GetProperty("allowed").GetBoolean());
        Assert.Single(SentTo(s));
    }

    [Fact]
    public async Task Backfill_brings_in_history_once_matched_and_not_unread()
    {
        var id = 880_000 + Random.Shared.Next(100_000);
        var phone = UniquePhone();
        App.Fake.Channels.Add(new JsonObject
        {
            ["id"] = 12,
            ["name"] = "WhatsApp Sales",
            ["source"] =
            "whatsapp_cloud"
        });
        App.Fake.Contacts.Add(new JsonObject
        {
            ["id"] = id,
            ["firstName"] = "Hilde",
            ["lastName"] = "History",
            ["phone"] = phone,
            ["countryCode"] = "DE"
        });
        var at = DateTimeOffset.UtcNow.AddDays(-3).ToUnixTimeMilliseconds();
        App.Fake.History[$"id:{id}"] = [.. Enumerable.Range(0, 120).Select(i => new JsonObject
        {
            ["messageId"] = 3_000_000_000L + id * 1000L + i, ["contactId"] = id, ["channelId"] = 12, ["traffic"] =
                i % 2 == 0 ? "incoming" : "outgoing",
            ["message"] = new JsonObject { ["type"] = "text", ["text"] = $"old message {i}" },
            ["status"] = new JsonArray(new JsonObject { ["value"] = i % 2 == 0 ? "delivered" : "read", ["timestamp"] =
                at + i * 60_000 }),
            ["sender"] = new JsonObject { ["source"] = i % 2 == 0 ? "contact" : "user" },
        })];
        using var admin = await App.ClientAsync("admin");
        var first = await (await admin.PostJsonAsync("/api/v1/inbox/backfill",
            new { contacts = 1000, messagesPerContact = 500 })).ReadAsync<JsonElement>();
        Assert.True(first.GetProperty("queued").GetInt32() >= 120); // three pages of 50 messages for this contact
        var conversation = await App.EventuallyAsync(async () =>
        {
            await using var db = App.CreateDbContext();
            var c = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(x => x.ExternalContactId == id.ToString(),
                Ct);
            return c is not null && await db.Messages.CountAsync(m => m.ConversationId == c.Id, Ct) == 120 ? c : null;
        }, "history processed");
        Assert.Equal(0, conversation.InboundCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(at + 118 * 60_000).UtcDateTime,
            conversation.LastInboundAt);

        var again = await (await admin.PostJsonAsync("/api/v1/inbox/backfill",
            new { contacts = 1000, messagesPerContact = 500 })).ReadAsync<JsonElement>();
        Assert.True(again.GetProperty("alreadyKnown").GetInt32() >= 120);
        await AfterEveryRetryAsync();
        await using var check = App.CreateDbContext();
        Assert.Equal(120, await check.Messages.CountAsync(m => m.ConversationId == conversation.Id, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.ClientAsync("sales"))
            .PostJsonAsync("/api/v1/inbox/backfill", new { })).StatusCode);
    }

    [Fact]
    public async Task Settings_are_masked_and_test_connection_lists_the_channels()
    {
        using var admin = await App.ClientAsync("admin");
        App.Fake.Channels.Clear();
        App.Fake.Channels
            .AddRange([.. Enumerable.Range(1, 12)
            .Select(i => new JsonObject { ["id"] = 900 + i, ["name"] = $"Channel {i}", ["source"] = i % 2 == 0
            ? "instagram" : "whatsapp_cloud", ["created_at"] = 1700000000 })]);
        var view = await (await admin.GetAsync("/api/v1/inbox/settings", Ct)).ReadAsync<JsonElement>();
        Assert.Equal("••••oken", view.GetProperty("apiToken").GetString());
        Assert.DoesNotContain(FakeRespondIo.Token, view.GetRawText());
        var test = await (await admin.PostAsync("/api/v1/inbox/settings/test", null, Ct)).ReadAsync<JsonElement>();
        Assert.True(test.GetProperty("ok").GetBoolean());
        Assert.Equal(12, test.GetProperty("channels").GetArrayLength()); // two pages of ten
        using var sales = await App.ClientAsync("sales");
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/v1/inbox/settings", Ct)).StatusCode);
    }
}
