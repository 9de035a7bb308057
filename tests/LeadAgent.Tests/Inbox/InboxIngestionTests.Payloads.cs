using System.Text.Json.Nodes;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Webhooks;
using Microsoft.EntityFrameworkCore;
using static LeadAgent.Tests.Inbox.RespondIoEvents;

namespace LeadAgent.Tests.Inbox;

/// <summary>Bodies that are valid but unusual: each ends processed (or ignored with a reason) after one
/// attempt.</summary>
public abstract partial class InboxIngestionTests
{
    // The stored event once it is done with: processed, ignored, or failed for good (no retry pending).
    private Task<WebhookEvent> SettledAsync(string eventId) => App.EventuallyAsync(async () =>
    {
        await using var db = App.CreateDbContext();
        var e = await db.WebhookEvents.AsNoTracking().SingleOrDefaultAsync(x => x.EventId == eventId, Ct);
        return e is { Status: WebhookEventStatus.Processed or WebhookEventStatus.Ignored }
            or { Status: WebhookEventStatus.Failed, NextAttemptAt: null } ? e : null;
    }, $"event {eventId} settled");

    private static string EventIdOf(string body) => JsonNode.Parse(body)!["event_id"]!.GetValue<string>();

    [Fact]
    public async Task A_lone_surrogate_escape_in_the_text_is_processed_once_as_a_replacement_character()
    {
        var s = NewSender("Sura", UniquePhone());
        // Valid JSON, but "\ud800" is half a character: no string can hold it as it is.
        var body = Received(s, "before-LONE-after").Replace("LONE", "\\ud800", StringComparison.Ordinal);
        await DeliverAsync(body);
        var settled = await SettledAsync(EventIdOf(body));
        Assert.Equal((WebhookEventStatus.Processed, 1), (settled.Status, settled.Attempts));
        var conversation = await ConversationOfAsync(s);
        Assert.Equal("before-\uFFFD-after", Assert.Single(await MessagesAsync(conversation.Id)).Text);
    }

    [Fact]
    public async Task A_close_without_its_conversation_details_closes_the_thread_once()
    {
        var s = NewSender("Carla", UniquePhone());
        await DeliverAsync(Received(s, "Thanks, that is all."));
        var conversation = await ConversationOfAsync(s);
        var close = ContactEvent("conversation.closed", s);
        await DeliverAsync(close);
        var settled = await SettledAsync(EventIdOf(close));
        Assert.Equal((WebhookEventStatus.Processed, 1), (settled.Status, settled.Attempts));
        await ConversationOfAsync(s, c => c.Status == ConversationStatus.Closed);
        Assert.Single(await MessagesAsync(conversation.Id), m => m.Direction == MessageDirection.Event
            && m.Text == "Closed in Respond.io.");
    }

    [Fact]
    public async Task A_message_without_a_message_id_is_keyed_by_its_channel_id_and_joins_the_thread()
    {
        var s = NewSender("Nadia", UniquePhone());
        await DeliverAsync(Received(s, "First"));
        var conversation = await ConversationOfAsync(s);
        // No messageId and no contact object: the channel's id keys it, message.contactId names the sender.
        var body = JsonNode.Parse(Received(s, "Second"))!.AsObject();
        body["message"]!.AsObject().Remove("messageId");
        body.Remove("contact");
        var channelMessageId = body["message"]!["channelMessageId"]!.GetValue<string>();
        var again = body.DeepClone();
        again["event_id"] = Guid.NewGuid().ToString();
        await DeliverAsync(body.ToJsonString());
        await DeliverAsync(again.ToJsonString());
        var settled = await SettledAsync(body["event_id"]!.GetValue<string>());
        var redelivered = await SettledAsync(again["event_id"]!.GetValue<string>());
        Assert.Equal((WebhookEventStatus.Processed, 1), (settled.Status, settled.Attempts));
        Assert.Equal((WebhookEventStatus.Processed, 1), (redelivered.Status, redelivered.Attempts));
        var messages = await MessagesAsync(conversation.Id);
        Assert.Equal(["First", "Second"], messages.Select(m => m.Text));
        Assert.Equal(channelMessageId, messages[1].ChannelMessageId);
    }

    [Fact]
    public async Task A_message_without_any_id_is_keyed_by_a_hash_of_itself()
    {
        var s = NewSender("Hana", UniquePhone());
        var body = JsonNode.Parse(Received(s, "No ids at all"))!.AsObject();
        body["message"]!.AsObject().Remove("messageId");
        body["message"]!.AsObject().Remove("channelMessageId");
        var again = body.DeepClone();
        again["event_id"] = Guid.NewGuid().ToString();
        await DeliverAsync(body.ToJsonString());
        await DeliverAsync(again.ToJsonString());
        Assert.Equal(1, (await SettledAsync(body["event_id"]!.GetValue<string>())).Attempts);
        Assert.Equal(1, (await SettledAsync(again["event_id"]!.GetValue<string>())).Attempts);
        var conversation = await ConversationOfAsync(s);
        Assert.Equal("No ids at all", Assert.Single(await MessagesAsync(conversation.Id)).Text);
    }

    [Fact]
    public async Task Attachment_mime_type_and_a_sender_beside_the_message_are_read()
    {
        var s = NewSender("Mimi", UniquePhone());
        var file = JsonNode.Parse(Attachment(s, "https://files.example/brief.pdf", "brief.pdf", 1200))!.AsObject();
        var attachment = file["message"]!["message"]!["attachment"]!.AsObject();
        attachment.Remove("mime");
        attachment["mimeType"] = "application/pdf";
        await DeliverAsync(file.ToJsonString());
        var conversation = await ConversationOfAsync(s);

        var sent = JsonNode.Parse(Sent(s, NextMessageId(), "Sent by a workflow", "user"))!.AsObject();
        sent["message"]!.AsObject().Remove("sender");
        sent["sender"] = new JsonObject { ["source"] = "workflow" };
        await DeliverAsync(sent.ToJsonString());
        await SettledAsync(sent["event_id"]!.GetValue<string>());

        var messages = await MessagesAsync(conversation.Id);
        Assert.Contains("\"application/pdf\"", messages[0].Attachments, StringComparison.Ordinal);
        Assert.Equal("workflow", messages.Single(m => m.Direction == MessageDirection.Outbound).SenderSource);
    }

    [Fact]
    public async Task A_sent_message_without_a_channel_id_joins_the_contacts_conversation()
    {
        var s = NewSender("Nils", UniquePhone());
        await DeliverAsync(Received(s, "Hello", Instagram));
        var conversation = await ConversationOfAsync(s);
        var sent = JsonNode.Parse(Sent(s, NextMessageId(), "Answer from the phone app", "user", Instagram))!.AsObject();
        sent["channel"]!["id"] = null;
        sent["message"]!["channelId"] = null;
        await DeliverAsync(sent.ToJsonString());
        await SettledAsync(sent["event_id"]!.GetValue<string>());

        await using var db = App.CreateDbContext();
        Assert.Single(await db.Conversations.Where(c => c.ExternalContactId == s.Id.ToString()).ToListAsync(Ct));
        Assert.False(await db.Channels.AnyAsync(c => c.Name == "Channel ", Ct));
        Assert.Equal(["Hello", "Answer from the phone app"],
            (await MessagesAsync(conversation.Id)).Select(m => m.Text));
    }
}
