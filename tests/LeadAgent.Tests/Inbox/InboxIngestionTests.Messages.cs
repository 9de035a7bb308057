using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers.RespondIo;
using LeadAgent.Web.Features.Inbox.Webhooks;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;
using static LeadAgent.Tests.Inbox.RespondIoEvents;

namespace LeadAgent.Tests.Inbox;

/// <summary>Ingestion of messages sent elsewhere (statuses only move forward) and of attachments and markup.</summary>
public abstract partial class InboxIngestionTests
{
    [Fact]
    public async Task Messages_sent_elsewhere_appear_and_their_status_only_moves_forward()
    {
        var s = NewSender("Stan", UniquePhone());
        await DeliverAsync(Received(s, "Hello?"));
        var conversation = await ConversationOfAsync(s);
        var id = NextMessageId();
        // Sent by a colleague in Respond.io's own inbox; first the read status, then the older delivered copy.
        await DeliverAsync(Sent(s, id, "Hi Stan, here is the offer.", "user", null, "sent", "delivered", "read"));
        await DeliverAsync(Sent(s, id, "Hi Stan, here is the offer.", "user", null, "sent", "delivered"));
        var failedId = NextMessageId();
        await DeliverAsync(Sent(s, failedId, "Late follow-up", "workflow", null, "sent", "failed"));
        await App.EventuallyAsync(async () => (await MessagesAsync(conversation.Id)).Count == 3 ? "3" : null,
            "three messages");
        await App.EventuallyAsync(async () =>
        {
            await using var db = App.CreateDbContext();
            var waiting = await db.WebhookEvents.CountAsync(
                e => e.Body.Contains(s.Id.ToString()) && e.Status == WebhookEventStatus.Received, Ct);
            return waiting == 0 ? "done" : null;
        }, "every delivery processed");
        var messages = await MessagesAsync(conversation.Id);
        var offer = messages.Single(m => m.ProviderMessageId == id.ToString());
        Assert.Equal((MessageDirection.Outbound, DeliveryStatus.Read), (offer.Direction, offer.Status));
        var failed = messages.Single(m => m.ProviderMessageId == failedId.ToString());
        Assert.Equal(DeliveryStatus.Failed, failed.Status);
        Assert.Contains("131047", failed.Error);
    }

    [Fact]
    public async Task Attachments_and_markup_are_stored_as_data_not_fetched()
    {
        var s = NewSender("Hacker", UniquePhone());
        await DeliverAsync(Received(s, "<script>alert('x')</script><img src=x onerror=alert(1)>"));
        await DeliverAsync(Attachment(s, "http://169.254.169.254/latest/meta-data", "brief.pdf", 48213));
        var conversation = await ConversationOfAsync(s, c => c.InboundCount == 2);
        var messages = await MessagesAsync(conversation.Id);
        // Both arrive within one second (Respond.io's timestamps are in seconds), so either may be listed first.
        Assert.Contains(messages, m => m.Text == "<script>alert('x')</script><img src=x onerror=alert(1)>");
        using var viewer = await App.ClientAsync("viewer");
        var detail = await (await viewer.GetAsync($"/api/v1/inbox/conversations/{conversation.Id}", Ct))
            .ReadAsync<JsonElement>();
        var attachment = detail.GetProperty("messages").EnumerateArray()
            .Single(m => m.GetProperty("attachments").GetArrayLength() > 0).GetProperty("attachments")[0];
        Assert.Equal(("brief.pdf", 48213), (attachment.GetProperty("fileName").GetString(), attachment
            .GetProperty("size").GetInt32()));
    }
}
