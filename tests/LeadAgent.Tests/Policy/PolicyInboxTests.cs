using System.Net;
using System.Text.Json;
using LeadAgent.Tests.Inbox;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers;
using LeadAgent.Web.Features.Inbox.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LeadAgent.Tests.Inbox.InboxIngestionTests;
using static LeadAgent.Tests.Inbox.RespondIoEvents;

namespace LeadAgent.Tests.Policy;

/// <summary>
/// The inbox never answers a blocked contact automatically: whatever queued an automated message, the outbox refuses
/// it with the reason and the provider never sees it. A person may still reply, warned by the conversation.
/// </summary>
public abstract class PolicyInboxTests(InboxApp app)
{
    [Fact]
    public async Task Automation_is_refused_for_a_blocked_contact_and_a_person_is_warned_but_may_reply()
    {
        var s = NewSender("Rita", UniquePhone(), $"rita.{Guid.NewGuid():N}@example.org");
        using (var anonymous = app.AnonymousClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await FakeRespondIo.DeliverAsync(anonymous,
                Received(s, "Prices please?"), AppFactory.WebhookKeys[0])).StatusCode);
        }
        var conversation = (await app.EventuallyAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.Conversations.Where(c => c.ExternalContactId == s.Id.ToString())
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(Ct);
        }, "conversation")).GetValueOrDefault();
        var sales = await app.ClientAsync(Roles.Sales);
        var url = $"/api/v1/inbox/conversations/{conversation}";
        Assert.Equal(JsonValueKind.Null, (await sales.GetJsonAsync<JsonElement>(url)).GetProperty("blocked").ValueKind);

        var block = await sales.PostJsonAsync("/api/v1/policy",
            new { kind = "phone", value = s.Phone, reason = "Asked never to be contacted" });
        Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        var banner = (await sales.GetJsonAsync<JsonElement>(url)).GetProperty("blocked").GetString();
        Assert.Contains("Asked never to be contacted", banner, StringComparison.Ordinal);

        // Something automatic (a rule, playbook or autopilot) queues a message in the outbox.
        Guid automated;
        await using (var db = app.CreateDbContext())
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var outbound = OutboundMessage.Plain(ChannelKind.WhatsApp, "Automatic follow-up", null);
            var message = new Message
            {
                ConversationId = conversation,
                Direction = MessageDirection.Outbound,
                Type = OutboundPayload.TypeOf(outbound),
                Text = outbound.Text,
                Status = DeliveryStatus.Pending,
                At = now,
                CreatedAt = now,
                SenderSource = "automation",
                Payload = OutboundPayload.Write(outbound),
                NextAttemptAt = now,
            };
            db.Messages.Add(message);
            await db.SaveChangesAsync(Ct);
            automated = message.Id;
        }
        var outbox = app.Services.GetRequiredService<OutboxProcessor>();
        var refused = await app.EventuallyAsync(async () =>
        {
            await outbox.SendDueAsync(Ct);
            await using var db = app.CreateDbContext();
            var m = await db.Messages.AsNoTracking().FirstAsync(x => x.Id == automated, Ct);
            return m.Status == DeliveryStatus.Failed ? m : null;
        }, "automated message refused");
        Assert.StartsWith("Never sent automatically: On the block list (Phone", refused.Error,
            StringComparison.Ordinal);
        Assert.DoesNotContain(app.Fake.Messages, m => m.ContactIdentifier == FakeRespondIo.Identifier(s.Id)
            && m.Message.ToJsonString().Contains("Automatic follow-up", StringComparison.Ordinal));

        // A person may still answer (inside the WhatsApp window): it goes out.
        var reply = await sales.PostJsonAsync($"{url}/messages", new { text = "Personal answer" });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        var replyId = (await reply.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        await app.EventuallyAsync(async () =>
        {
            await outbox.SendDueAsync(Ct);
            await using var db = app.CreateDbContext();
            var m = await db.Messages.AsNoTracking().FirstAsync(x => x.Id == replyId, Ct);
            return m.Status is DeliveryStatus.Sent or DeliveryStatus.Delivered ? m : null;
        }, "personal reply sent");
    }

    [Fact]
    public void The_send_policy_refuses_automation_only()
    {
        var now = DateTime.UtcNow;
        var human = SendPolicy.Check(ChannelKind.WhatsApp, now.AddHours(-1), now, false, false, SenderKind.Human,
            null, "On the block list (Email a@b.de): x");
        var automation = SendPolicy.Check(ChannelKind.WhatsApp, now.AddHours(-1), now, false, false,
            SenderKind.Automation, null, "On the block list (Email a@b.de): x");
        Assert.True(human.Allowed);
        Assert.False(automation.Allowed);
        Assert.Equal("Never sent automatically: On the block list (Email a@b.de): x", automation.Explanation);
        Assert.Equal(SenderKind.Human, SendPolicy.KindOf("user"));
        Assert.Equal(SenderKind.Automation, SendPolicy.KindOf("workflow"));
    }
}

public sealed class PolicyInboxSqliteTests(SqliteInboxApp app) : PolicyInboxTests(app), IClassFixture<SqliteInboxApp>;

public sealed class PolicyInboxPostgresTests(PostgresInboxApp app) : PolicyInboxTests(app),
    IClassFixture<PostgresInboxApp>;
