using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Providers.RespondIo;
using LeadAgent.Web.Features.Inbox.Webhooks;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;
using static LeadAgent.Tests.Inbox.RespondIoEvents;

namespace LeadAgent.Tests.Inbox;

/// <summary>Webhook events become conversations, messages and contacts: matching, every event type, redelivery,
/// reordering.</summary>
public abstract partial class InboxIngestionTests(InboxApp app)
{
    // The fixture, for the parts of this class in other files (primary constructor parameters are not seen there).
    private InboxApp App => app;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static long _senders = 5_000_000 + Random.Shared.Next(1_000_000) * 10L;

    public static Sender NewSender(string first, string? phone = null, string? email = null, string? last = "Tester") =>
        new(Interlocked.Increment(ref _senders), first, last, phone, email);

    public static string UniquePhone() => $"+49151{Random.Shared.Next(10000000, 99999999)}";

    private async Task DeliverAsync(string body)
    {
        using var client = app.AnonymousClient();
        var response = await FakeRespondIo.DeliverAsync(client, body, AppFactory.WebhookKeys[0]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<Conversation> ConversationOfAsync(Sender s, Func<Conversation, bool>? condition = null) =>
        app.EventuallyAsync(async () =>
    {
        await using var db = app.CreateDbContext();
        var c = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(x => x.ExternalContactId == s.Id.ToString(),
            Ct);
        return c is not null && (condition?.Invoke(c) ?? true) ? c : null;
    }, $"conversation of {s.FirstName}");

    private async Task<List<Message>> MessagesAsync(Guid conversationId)
    {
        await using var db = app.CreateDbContext();
        return await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId).OrderBy(m => m.At)
            .ThenBy(m => m.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task An_unknown_sender_becomes_a_contact_with_a_company_and_an_inbound_lead()
    {
        var s = NewSender("Mara", UniquePhone(), $"mara.{Guid.NewGuid():N}@gala-events.example");
        await DeliverAsync(Received(s, "Hi, we need 400 lanyards for a gala in March."));
        var conversation = await ConversationOfAsync(s);
        Assert.Equal((MatchState.Matched, 1, ConversationStatus.Open), (conversation.Match, conversation.InboundCount,
            conversation.Status));
        Assert.NotNull(conversation.LastInboundAt);

        await using var db = app.CreateDbContext();
        var contact = await db.Contacts.Include(c => c.Identities).Include(c => c.Company)
            .SingleAsync(c => c.Id == conversation.ContactId, Ct);
        Assert.Equal(("Mara", "Tester"), (contact.FirstName, contact.LastName));
        Assert.Contains(contact.Identities, i => i.Kind == IdentityKind.WhatsApp && i.Value == s.Phone);
        Assert.Contains(contact.Identities, i => i.Kind == IdentityKind.Email && i.Value == s.Email);
        Assert.Contains(contact.Identities, i => i.Kind == IdentityKind.RespondIo && i.Value == s.Id.ToString());
        Assert.Equal("gala-events.example", contact.Company!.Domain);
        var lead = await db.Leads.SingleAsync(l => l.PrimaryContactId == contact.Id, Ct);
        Assert.Equal((LeadSource.InboundMessage, LeadStatus.New), (lead.Source, lead.Status));
        // The activity log says where the records came from.
        Assert.True(await db.Activity.AnyAsync(a => a.EntityId == contact.Id && a.ActorName.Contains("inbound message"),
            Ct));

        // A second message from the same sender joins the same conversation and contact.
        await DeliverAsync(Received(s, "Also 200 badges, please."));
        await ConversationOfAsync(s, c => c.InboundCount == 2);
        Assert.Equal(1, await db.Contacts.CountAsync(c => c.FirstName == "Mara" && c.Identities
            .Any(i => i.Value == s.Phone), Ct));
        Assert.Equal(["Hi, we need 400 lanyards for a gala in March.", "Also 200 badges, please."],
            (await MessagesAsync(conversation.Id)).Select(m => m.Text));
    }

    [Fact]
    public async Task Existing_contacts_are_matched_by_phone_then_email_and_ambiguous_ones_wait_for_review()
    {
        using var sales = await app.ClientAsync("sales");
        var company = await (await sales.PostJsonAsync("/api/v1/companies",
            new { name = $"Matchco {Guid.NewGuid():N}" })).ReadAsync<JsonElement>();
        var phone = UniquePhone();
        var email = $"known.{Guid.NewGuid():N}@matchco.example";
        async Task<Guid> ContactAsync(string first, params object[] identities) =>
            (await (await sales.PostJsonAsync("/api/v1/contacts",
                new { firstName = first, companyId = company.GetProperty("id").GetGuid(), identities }))
                .ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        var byPhone = await ContactAsync("Phoebe", new { kind = "Phone", value = phone });
        var byEmail = await ContactAsync("Emil", new { kind = "Email", value = email });

        // The phone arrives in a local format with the contact's country: normalised to E.164 before matching.
        var p = NewSender("P", "0" + phone[3..], null) with { Country = "DE" };
        await DeliverAsync(Received(p, "Hallo"));
        Assert.Equal(byPhone, (await ConversationOfAsync(p)).ContactId);

        var e = NewSender("E", null, email.ToUpperInvariant());
        await DeliverAsync(Received(e, "Hello", Mail));
        Assert.Equal(byEmail, (await ConversationOfAsync(e)).ContactId);

        // Two contacts share a number: nobody is guessed.
        var shared = UniquePhone();
        var first = await ContactAsync("Twin A", new { kind = "WhatsApp", value = shared });
        var second = await ContactAsync("Twin B", new { kind = "Phone", value = shared });
        var twin = NewSender("Twin", shared);
        await DeliverAsync(Received(twin, "Which of us is it?"));
        var waiting = await ConversationOfAsync(twin);
        Assert.Equal((MatchState.Ambiguous, (Guid?)null), (waiting.Match, waiting.ContactId));

        var list = await (await sales.GetAsync("/api/v1/inbox/conversations?needsReview=true&limit=200", Ct))
            .ReadAsync<JsonElement>();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == waiting.Id);
        Assert.True(list.GetProperty("needsReview").GetInt32() >= 1);
        var detail = await (await sales.GetAsync($"/api/v1/inbox/conversations/{waiting.Id}", Ct))
            .ReadAsync<JsonElement>();
        Assert.Equal(new[] { first, second }.Order(), detail.GetProperty("candidates").EnumerateArray()
            .Select(c => c.GetProperty("id").GetGuid()).Order());

        var chosen = await (await sales.PostJsonAsync($"/api/v1/inbox/conversations/{waiting.Id}/contact",
            new { contactId = second })).ReadAsync<JsonElement>();
        Assert.Equal("Matched", chosen.GetProperty("conversation").GetProperty("match").GetString());
        // The choice is remembered: the same sender on another channel matches directly.
        await DeliverAsync(Received(twin, "Me again on Instagram", Instagram));
        await app.EventuallyAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.Conversations.AnyAsync(c => c.ExternalContactId == twin.Id.ToString()
                && c.ContactId == second && c.Channel!.Kind == ChannelKind.Instagram, Ct) ? "ok" : null;
        }, "instagram thread matched");
    }

    [Fact]
    public async Task Merging_contacts_moves_their_conversations_and_undo_moves_them_back()
    {
        using var sales = await app.ClientAsync("sales");
        var n = Guid.NewGuid().ToString("N")[..6];
        var email = $"merge{n}@merge-test.example";
        async Task<Guid> ContactAsync(string first, params object[] identities) =>
            (await (await sales.PostJsonAsync("/api/v1/contacts", new
            {
                firstName = first,
                lastName = $"Doppel{n}",
                identities
            })).ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        var keep = await ContactAsync("Mia", new { kind = "Email", value = email });
        var phone = UniquePhone();
        var other = await ContactAsync("Mia", new { kind = "Email", value = email.ToUpperInvariant() },
            new { kind = "WhatsApp", value = phone });
        var s = NewSender("Mia", phone);
        await DeliverAsync(Received(s, "Hi, it's Mia"));
        var conversation = await ConversationOfAsync(s);
        Assert.Equal(other, conversation.ContactId);

        await (await sales.PostJsonAsync("/api/v1/duplicates/scan?kind=Contact", new { })).ReadAsync<JsonElement>();
        var pair = (await DuplicateQueue.AllOpenAsync(sales, LeadAgent.Web.Features.Duplicates.DuplicateKind.Contact))
            .Single(p => new[] { p.A.Id, p.B.Id }.Order().SequenceEqual(new[] { keep, other }.Order()));
        var merge = await (await sales.PostJsonAsync($"/api/v1/duplicates/{pair.Id}/merge",
            new { survivorId = keep })).ReadAsync<JsonElement>();
        Assert.Equal(1, merge.GetProperty("moved").GetProperty("conversations").GetInt32());
        Assert.Equal(keep, (await ConversationOfAsync(s, c => c.ContactId == keep)).ContactId);
        // The sender now matches the survivor directly (its identities moved too).
        await DeliverAsync(Received(s, "Still me"));
        await ConversationOfAsync(s, c => c.InboundCount == 2 && c.ContactId == keep);

        await (await sales.PostJsonAsync($"/api/v1/merges/{merge.GetProperty("id").GetGuid()}/undo", new { }))
            .ReadAsync<JsonElement>();
        Assert.Equal(other, (await ConversationOfAsync(s, c => c.ContactId == other)).ContactId);
    }

    [Fact]
    public async Task One_message_delivered_twenty_times_at_once_is_stored_once()
    {
        var s = NewSender("Dora", UniquePhone());
        var body = Received(s, "Only once, please", messageId: NextMessageId());
        // Respond.io's fan-out: the same message with different event ids, and the same event id again.
        var copies = Enumerable.Range(0, 10).Select(_ => body)
            .Concat(Enumerable.Range(0, 10)
                .Select(_ => body.Replace(JsonNode.Parse(body)!["event_id"]!.GetValue<string>(), Guid.NewGuid()
                .ToString(), StringComparison.Ordinal)));
        using var client = app.AnonymousClient();
        var responses = await Task
            .WhenAll(copies.Select(b => FakeRespondIo.DeliverAsync(client, b, AppFactory.WebhookKeys[0])));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var conversation = await ConversationOfAsync(s);
        await app.EventuallyAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.WebhookEvents.CountAsync(e => e.Body.Contains(s.Id.ToString())
                && e.Status == WebhookEventStatus.Received, Ct) == 0 ? "done" : null;
        }, "all copies processed");
        var messages = await MessagesAsync(conversation.Id);
        Assert.Single(messages);
        Assert.Equal(1, (await ConversationOfAsync(s)).InboundCount);
        await using var check = app.CreateDbContext();
        Assert.Equal(1, await check.Contacts.CountAsync(c => c.Identities.Any(i => i.Value == s.Phone), Ct));
    }

    [Fact]
    public async Task Contact_and_conversation_events_update_the_thread_even_when_they_arrive_early()
    {
        var s = NewSender("Olaf", UniquePhone());
        using var admin = await app.ClientAsync("admin");
        var me = await (await admin.GetAsync("/api/v1/me", Ct)).ReadAsync<JsonElement>();

        // Closed before its first message was delivered: kept, retried, applied once the conversation exists.
        var closedAt = DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeSeconds();
        await DeliverAsync(ContactEvent("conversation.closed", s, b => b["conversation"] = new JsonObject
        {
            ["category"] = "Resolved",
            ["summary"] = "Quote sent",
            ["closedTime"] = closedAt,
            ["closedBy"] = new JsonObject(),
            ["closedBySource"] = "user",
        }));
        await DeliverAsync(Received(s, "First message", at: DateTimeOffset.UtcNow));
        var closed = await ConversationOfAsync(s, c => c.Status == ConversationStatus.Closed);

        await DeliverAsync(ContactEvent("contact.assignee.updated", s, b => b["contact"]!["assignee"] = new JsonObject
        {
            ["id"] = 77,
            ["firstName"] = "Ada",
            ["lastName"] = "Admin",
            ["email"] = me.GetProperty("email").GetString(),
        }));
        await DeliverAsync(ContactEvent("contact.lifecycle.updated", s, b =>
            { b["lifecycle"] = "Customer"; b["oldLifecycle"] = "Lead"; b["action"] = "update"; }));
        await DeliverAsync(ContactEvent("contact.tag.updated", s, b => { b["tag"] = "VIP"; b["action"] = "add"; }));
        await DeliverAsync(ContactEvent("contact.updated", s with { FirstName = "Olaf-Renamed" }));
        await DeliverAsync(ContactEvent("conversation.opened", s, b => b["conversation"] =
            new JsonObject { ["openedTime"] = closedAt + 60, ["openedBySource"] = "contact" }));
        await DeliverAsync(ContactEvent("call.ended", s));

        var done = await ConversationOfAsync(s, c => c.Status == ConversationStatus.Open
            && c.AssigneeId == me.GetProperty("id").GetString() && c.DisplayName.StartsWith("Olaf-Renamed",
            StringComparison.Ordinal));
        var timeline = (await MessagesAsync(done.Id)).Where(m => m.Direction == MessageDirection.Event)
            .Select(m => m.Text!).ToList();
        Assert.Contains(timeline, t => t.StartsWith("Closed in Respond.io", StringComparison.Ordinal)
            && t.Contains("Resolved: Quote sent", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("Lifecycle changed from Lead to Customer", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Contains("Tag 'vip' added", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("Assigned to Ada Admin", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.StartsWith("Opened in Respond.io", StringComparison.Ordinal));

        await using var db = app.CreateDbContext();
        Assert.Contains("vip", (await db.Contacts.SingleAsync(c => c.Id == closed.ContactId, Ct)).Tags);
        var unknown = await db.WebhookEvents.SingleAsync(e => e.EventType == "call.ended" && e.Body
            .Contains(s.Id.ToString()), Ct);
        await app.EventuallyAsync(async () =>
        {
            await using var again = app.CreateDbContext();
            return await again.WebhookEvents.Where(e => e.Id == unknown.Id)
                .Select(e => (WebhookEventStatus?)e.Status).SingleAsync(Ct) == WebhookEventStatus.Ignored ? "ok" : null;
        }, "unknown event ignored");
    }
}

public sealed class InboxIngestionSqliteTests(SqliteInboxApp app) : InboxIngestionTests(app),
    IClassFixture<SqliteInboxApp>;

public sealed class InboxIngestionPostgresTests(PostgresInboxApp app) : InboxIngestionTests(app),
    IClassFixture<PostgresInboxApp>;
