using System.Net;
using System.Text.Json;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Features.Inbox.Conversations;
using Microsoft.EntityFrameworkCore;
using static LeadAgent.Tests.Inbox.InboxIngestionTests;
using static LeadAgent.Tests.Inbox.RespondIoEvents;

namespace LeadAgent.Tests.Inbox;

/// <summary>Snooze: out of the open list until a time, then open and unread again (worked out when read, on the
/// app's clock); presets in the user's own time zone; unsnooze; bad times and viewers refused.</summary>
public abstract class InboxSnoozeTests(InboxApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> ConversationAsync()
    {
        var s = NewSender("Sven", UniquePhone(), $"sven.{Guid.NewGuid():N}@example.org");
        using var client = app.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await FakeRespondIo.DeliverAsync(client, Received(s, "Call me next week"),
            AppFactory.WebhookKeys[0])).StatusCode);
        return (await app.EventuallyAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return await db.Conversations.Where(c => c.ExternalContactId == s.Id.ToString())
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(Ct);
        }, "conversation")).GetValueOrDefault();
    }

    private static async Task<JsonElement?> RowAsync(HttpClient user, Guid id, string filter)
    {
        var page = await (await user.GetAsync($"/api/v1/inbox/conversations?limit=200&{filter}", Ct))
            .ReadAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().Cast<JsonElement?>()
            .FirstOrDefault(r => r!.Value.GetProperty("id").GetGuid() == id);
    }

    private static async Task ReadAsync(HttpClient user, Guid id) => Assert.Equal(HttpStatusCode.NoContent,
        (await user.PostJsonAsync($"/api/v1/inbox/conversations/{id}/read", new { })).StatusCode);

    [Fact]
    public async Task A_snoozed_conversation_leaves_the_open_list_and_comes_back_open_and_unread_at_its_time()
    {
        var id = await ConversationAsync();
        using var sales = await app.ClientAsync("sales");
        using var viewer = await app.ClientAsync("viewer");
        await ReadAsync(sales, id);
        await ReadAsync(viewer, id);
        var until = app.Clock.GetUtcNow().AddHours(5);

        var snoozed = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{id}/snooze", new { until });
        Assert.Equal(HttpStatusCode.OK, snoozed.StatusCode);
        var detail = await snoozed.ReadAsync<JsonElement>();
        Assert.Equal(until.UtcDateTime, detail.GetProperty("conversation").GetProperty("snoozedUntil").GetDateTime(),
            TimeSpan.FromMilliseconds(1));
        Assert.Contains(detail.GetProperty("messages").EnumerateArray(), m =>
            m.GetProperty("text").GetString()!.StartsWith("Snoozed until", StringComparison.Ordinal));
        Assert.Null(await RowAsync(sales, id, "status=Open"));
        Assert.NotNull(await RowAsync(sales, id, "snoozed=true"));
        Assert.NotNull(await RowAsync(sales, id, ""));
        Assert.Equal(0, (await RowAsync(viewer, id, "snoozed=true"))!.Value.GetProperty("unread").GetInt32());

        // Its time comes: nothing has to run; the next read sees it open and unread for everyone again.
        app.Clock.Advance(TimeSpan.FromHours(5));
        foreach (var user in new[] { sales, viewer })
        {
            Assert.Equal(1, (await RowAsync(user, id, "status=Open"))!.Value.GetProperty("unread").GetInt32());
            Assert.NotNull(await RowAsync(user, id, "status=Open&unread=true"));
            Assert.Null(await RowAsync(user, id, "snoozed=true"));
        }
        var before = await (await viewer.GetAsync("/api/v1/inbox/conversations?limit=1", Ct)).ReadAsync<JsonElement>();

        // Reading it is one user's: the other still sees it unread.
        await ReadAsync(viewer, id);
        Assert.Equal(0, (await RowAsync(viewer, id, "status=Open"))!.Value.GetProperty("unread").GetInt32());
        Assert.Null(await RowAsync(viewer, id, "unread=true"));
        Assert.Equal(1, (await RowAsync(sales, id, "status=Open"))!.Value.GetProperty("unread").GetInt32());
        var after = await (await viewer.GetAsync("/api/v1/inbox/conversations?limit=1", Ct)).ReadAsync<JsonElement>();
        Assert.Equal(before.GetProperty("unreadConversations").GetInt32() - 1,
            after.GetProperty("unreadConversations").GetInt32());
    }

    [Fact]
    public async Task Presets_are_in_the_users_zone_and_unsnooze_brings_it_back_at_once()
    {
        var id = await ConversationAsync();
        using var sales = await app.ClientAsync("sales");
        Assert.Equal(HttpStatusCode.OK, (await sales.PutJsonAsync("/api/v1/me",
            new { timeZone = "America/New_York" })).StatusCode);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        var detail = await (await sales.PostJsonAsync($"/api/v1/inbox/conversations/{id}/snooze",
            new { preset = "Tomorrow" })).ReadAsync<JsonElement>();
        var until = detail.GetProperty("conversation").GetProperty("snoozedUntil").GetDateTime();
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(until, DateTimeKind.Utc), zone);
        var today = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, zone).Date;
        Assert.Equal(today.AddDays(1).AddHours(9), local);

        detail = await (await sales.PostJsonAsync($"/api/v1/inbox/conversations/{id}/snooze",
            new { preset = "NextWeek" })).ReadAsync<JsonElement>();
        local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(
            detail.GetProperty("conversation").GetProperty("snoozedUntil").GetDateTime(), DateTimeKind.Utc), zone);
        Assert.Equal((DayOfWeek.Monday, 9, 0), (local.DayOfWeek, local.Hour, local.Minute));
        Assert.InRange((local.Date - today).TotalDays, 1, 7);

        var back = await sales.DeleteAsync($"/api/v1/inbox/conversations/{id}/snooze", Ct);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(JsonValueKind.Null,
            (await back.ReadAsync<JsonElement>()).GetProperty("conversation").GetProperty("snoozedUntil").ValueKind);
        Assert.NotNull(await RowAsync(sales, id, "status=Open"));
    }

    [Fact]
    public async Task Past_or_missing_times_are_field_errors_and_viewers_may_not_snooze()
    {
        var id = await ConversationAsync();
        using var sales = await app.ClientAsync("sales");
        using var viewer = await app.ClientAsync("viewer");
        var past = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{id}/snooze",
            new { until = app.Clock.GetUtcNow().AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await past.ProblemAsync()).GetProperty("errors").TryGetProperty("until", out _));
        var none = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{id}/snooze", new { });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        var far = await sales.PostJsonAsync($"/api/v1/inbox/conversations/{id}/snooze",
            new { until = app.Clock.GetUtcNow().AddYears(2) });
        Assert.Equal(HttpStatusCode.BadRequest, far.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostJsonAsync(
            $"/api/v1/inbox/conversations/{id}/snooze", new { preset = "Tomorrow" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.PostJsonAsync(
            $"/api/v1/inbox/conversations/{Guid.NewGuid()}/snooze", new { preset = "Tomorrow" })).StatusCode);
    }
}

public sealed class InboxSnoozeSqliteTests(SqliteInboxApp app) : InboxSnoozeTests(app), IClassFixture<SqliteInboxApp>;

public sealed class InboxSnoozePostgresTests(PostgresInboxApp app) : InboxSnoozeTests(app),
    IClassFixture<PostgresInboxApp>;
