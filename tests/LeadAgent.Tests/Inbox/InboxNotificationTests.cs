using System.Net;
using System.Text.Json;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Features.Inbox.Conversations;
using Microsoft.EntityFrameworkCore;
using static LeadAgent.Tests.Inbox.InboxIngestionTests;
using static LeadAgent.Tests.Inbox.RespondIoEvents;

namespace LeadAgent.Tests.Inbox;

/// <summary>Assigning a conversation to someone else notifies them, with a link to it; taking it yourself or assigning
/// the same person again does not.</summary>
public abstract class InboxNotificationTests(InboxApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> ConversationAsync()
    {
        var s = NewSender("Nina", UniquePhone(), $"nina.{Guid.NewGuid():N}@example.org");
        using var client = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await FakeRespondIo.DeliverAsync(client, Received(s, "Hello?"),
            AppFactory.WebhookKeys[0])).StatusCode);
        return (await app.EventuallyAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.Conversations.Where(c => c.ExternalContactId == s.Id.ToString())
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(Ct);
        }, "conversation")).GetValueOrDefault();
    }

    private static async Task<JsonElement> NotificationsAsync(HttpClient user) =>
        await (await user.GetAsync("/api/v1/notifications", Ct)).ReadAsync<JsonElement>();

    private static async Task<string> IdAsync(HttpClient user) =>
        (await (await user.GetAsync("/api/v1/me", Ct)).ReadAsync<JsonElement>()).GetProperty("id").GetString()!;

    private static Task<HttpResponseMessage> AssignAsync(HttpClient by, Guid conversation, string? userId) =>
        by.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/assign", new { userId });

    [Fact]
    public async Task The_new_assignee_is_notified_with_a_link_and_can_mark_it_read()
    {
        var id = await ConversationAsync();
        using var boss = await app.ClientAsync("sales");
        using var rep = await app.ClientAsync("sales");
        var (bossId, repId) = (await IdAsync(boss), await IdAsync(rep));

        Assert.Equal(HttpStatusCode.OK, (await AssignAsync(boss, id, bossId)).StatusCode);
        Assert.Equal(0, (await NotificationsAsync(boss)).GetProperty("unread").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await AssignAsync(boss, id, repId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AssignAsync(boss, id, repId)).StatusCode);
        var mine = await NotificationsAsync(rep);
        Assert.Equal(1, mine.GetProperty("unread").GetInt32());
        var item = mine.GetProperty("items")[0];
        Assert.Contains("assigned you the conversation with Nina", item.GetProperty("text").GetString());
        Assert.Equal($"/inbox/{id}", item.GetProperty("link").GetString());
        Assert.Equal(0, (await NotificationsAsync(boss)).GetProperty("items").GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await rep.PostJsonAsync(
            $"/api/v1/notifications/{item.GetProperty("id").GetGuid()}/read", new { })).StatusCode);
        Assert.Equal(0, (await NotificationsAsync(rep)).GetProperty("unread").GetInt32());
    }
}

public sealed class InboxNotificationSqliteTests(SqliteInboxApp app) : InboxNotificationTests(app),
    IClassFixture<SqliteInboxApp>;

public sealed class InboxNotificationPostgresTests(PostgresInboxApp app) : InboxNotificationTests(app),
    IClassFixture<PostgresInboxApp>;
