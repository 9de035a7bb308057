using System.Net;
using System.Text.Json;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;
using static LeadAgent.Tests.Inbox.InboxIngestionTests;
using static LeadAgent.Tests.Inbox.RespondIoEvents;

namespace LeadAgent.Tests.Inbox;

/// <summary>"@Name" in an internal note: the server finds who is meant among the active users, stores it on the note
/// and notifies each of them but the author, once, with a link to the conversation; through the API as in the app.
/// The conversation's details list every lead of the contact.</summary>
public abstract class NoteMentionTests(InboxApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> ConversationAsync(string first)
    {
        var s = NewSender(first, UniquePhone(), $"{first.ToLowerInvariant()}.{Guid.NewGuid():N}@example.org");
        using var client = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await FakeRespondIo.DeliverAsync(client, Received(s, "Hello?"),
            AppFactory.WebhookKeys[0])).StatusCode);
        return (await app.EventuallyAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.Conversations.Where(c => c.ExternalContactId == s.Id.ToString() && c.ContactId != null)
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(Ct);
        }, "conversation")).GetValueOrDefault();
    }

    private async Task<(string Id, string Email, HttpClient Client)> UserAsync(string role, string name)
    {
        var (user, token) = await app.CreateUserAsync(role);
        await using (var db = app.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name), Ct);
        }
        return (user.Id, user.Email, app.TokenClient(token));
    }

    private static async Task<JsonElement> NotificationsAsync(HttpClient user) =>
        await (await user.GetAsync("/api/v1/notifications", Ct)).ReadAsync<JsonElement>();

    private static Task<HttpResponseMessage> NoteAsync(HttpClient by, Guid conversation, string text,
        Guid? clientKey = null) =>
        by.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/notes", new { text, clientKey });

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task Mentioned_users_are_notified_with_a_link_and_the_author_is_not()
    {
        var id = await ConversationAsync("Mona");
        var (authorName, repName, viewerName) = (Unique("Ada Author"), Unique("Rita Rep"), Unique("Vic Viewer"));
        var author = await UserAsync(Roles.Sales, authorName);
        var rep = await UserAsync(Roles.Sales, repName);
        var viewer = await UserAsync(Roles.Viewer, viewerName);

        var response = await NoteAsync(author.Client, id,
            $"@{repName.ToUpperInvariant()} can you call her? cc @{viewer.Email}, and a note to self @{authorName}.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var note = await response.ReadAsync<JsonElement>();
        var mentioned = note.GetProperty("mentions").EnumerateArray().Select(m => m.GetProperty("userId").GetString())
            .ToList();
        Assert.Equal([rep.Id, viewer.Id, author.Id], mentioned);

        foreach (var user in new[] { rep, viewer })
        {
            var mine = await NotificationsAsync(user.Client);
            Assert.Equal(1, mine.GetProperty("unread").GetInt32());
            var item = mine.GetProperty("items")[0];
            Assert.StartsWith($"{authorName} mentioned you in the conversation with Mona",
                item.GetProperty("text").GetString());
            Assert.Contains("can you call her?", item.GetProperty("text").GetString());
            Assert.Equal($"/inbox/{id}", item.GetProperty("link").GetString());
        }
        Assert.Equal(0, (await NotificationsAsync(author.Client)).GetProperty("unread").GetInt32());

        // The thread keeps the text as written, with who was meant.
        var detail = await (await author.Client.GetAsync($"/api/v1/inbox/conversations/{id}", Ct))
            .ReadAsync<JsonElement>();
        var stored = detail.GetProperty("messages").EnumerateArray().Last(m =>
            m.GetProperty("direction").GetString() == "Note");
        Assert.StartsWith($"@{repName.ToUpperInvariant()} can you", stored.GetProperty("text").GetString());
        Assert.Equal(3, stored.GetProperty("mentions").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_locked_and_shared_names_notify_nobody_and_the_note_is_saved()
    {
        var id = await ConversationAsync("Nils");
        var author = await UserAsync(Roles.Sales, Unique("Ben Author"));
        var lockedName = Unique("Lou Locked");
        var locked = await UserAsync(Roles.Sales, lockedName);
        var twin = Unique("Tom Twin");
        var twins = new[] { await UserAsync(Roles.Sales, twin), await UserAsync(Roles.Sales, twin) };
        using var admin = await app.ClientAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync($"/api/v1/users/{locked.Id}",
            new { locked = true })).StatusCode);

        var response = await NoteAsync(author.Client, id, $"@{lockedName} @{twin} @Nobody Here and mail@{twin}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.ReadAsync<JsonElement>()).GetProperty("mentions").GetArrayLength());
        await using var db = app.CreateDbContext();
        var ids = new[] { locked.Id, twins[0].Id, twins[1].Id };
        Assert.Equal(0, await db.Notifications.CountAsync(n => ids.Contains(n.UserId), Ct));

        // Either twin is reached by e-mail.
        Assert.Equal(HttpStatusCode.OK, (await NoteAsync(author.Client, id, $"@{twins[1].Email}: yours")).StatusCode);
        Assert.Equal(1, (await NotificationsAsync(twins[1].Client)).GetProperty("unread").GetInt32());
        Assert.Equal(0, (await NotificationsAsync(twins[0].Client)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task A_retried_note_is_stored_and_notified_once_and_a_viewer_cannot_write_one()
    {
        var id = await ConversationAsync("Olga");
        var author = await UserAsync(Roles.Sales, Unique("Cleo Author"));
        var repName = Unique("Rex Rep");
        var rep = await UserAsync(Roles.Sales, repName);
        var key = Guid.NewGuid();

        var first = await (await NoteAsync(author.Client, id, $"@{repName} please", key)).ReadAsync<JsonElement>();
        var again = await (await NoteAsync(author.Client, id, $"@{repName} please", key)).ReadAsync<JsonElement>();
        Assert.Equal(first.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal(1, (await NotificationsAsync(rep.Client)).GetProperty("unread").GetInt32());
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.Messages.CountAsync(m => m.ConversationId == id && m.Type == "note", Ct));
        }

        // The same key from someone else is their own note.
        var other = await UserAsync(Roles.Sales, Unique("Dan Other"));
        var theirs = await (await NoteAsync(other.Client, id, $"@{repName} me too", key)).ReadAsync<JsonElement>();
        Assert.NotEqual(first.GetProperty("id").GetGuid(), theirs.GetProperty("id").GetGuid());
        Assert.Equal(2, (await NotificationsAsync(rep.Client)).GetProperty("unread").GetInt32());

        var viewer = await UserAsync(Roles.Viewer, Unique("Val Viewer"));
        Assert.Equal(HttpStatusCode.Forbidden, (await NoteAsync(viewer.Client, id, $"@{repName} hi")).StatusCode);
        Assert.Equal(2, (await NotificationsAsync(rep.Client)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task The_details_list_every_lead_of_the_contact_newest_first_with_value_and_closed_flag()
    {
        var id = await ConversationAsync("Paula");
        using var sales = await app.ClientAsync(Roles.Sales);
        var detail = await (await sales.GetAsync($"/api/v1/inbox/conversations/{id}", Ct)).ReadAsync<JsonElement>();
        var contactId = detail.GetProperty("conversation").GetProperty("contactId").GetGuid();
        var companyId = detail.GetProperty("conversation").GetProperty("companyId").GetGuid();
        foreach (var (title, status) in new[] { ("Mugs 2027", "Won"), ("Mugs refill", "Proposal") })
        {
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(HttpStatusCode.Created, (await sales.PostJsonAsync("/api/v1/leads", new
            {
                title,
                companyId,
                primaryContactId = contactId,
                status,
                expectedValue = 1500.5m,
                currency = "EUR",
            })).StatusCode);
        }

        detail = await (await sales.GetAsync($"/api/v1/inbox/conversations/{id}", Ct)).ReadAsync<JsonElement>();
        var leads = detail.GetProperty("leads").EnumerateArray().ToList();
        Assert.Equal(["Mugs refill", "Mugs 2027"], leads.Take(2).Select(l => l.GetProperty("title").GetString()));
        Assert.Equal(3, leads.Count);
        Assert.Equal([false, true, false], leads.Select(l => l.GetProperty("closed").GetBoolean()));
        Assert.Equal(1500.5m, leads[0].GetProperty("expectedValue").GetDecimal());
        Assert.Equal("EUR", leads[0].GetProperty("currency").GetString());
    }
}

public sealed class NoteMentionSqliteTests(SqliteInboxApp app) : NoteMentionTests(app),
    IClassFixture<SqliteInboxApp>;

public sealed class NoteMentionPostgresTests(PostgresInboxApp app) : NoteMentionTests(app),
    IClassFixture<PostgresInboxApp>;
