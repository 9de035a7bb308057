using System.Net;
using System.Text.Json;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Features.Inbox.Conversations;
using Microsoft.EntityFrameworkCore;
using static LeadAgent.Tests.Inbox.RespondIoEvents;

namespace LeadAgent.Tests.Inbox;

/// <summary>Read state is each user's own: one reading a conversation leaves it unread for the others.</summary>
public abstract partial class InboxOutboxTests
{
    // The conversation's row in the user's list (with the unread filter or without), or null when not listed.
    private static async Task<JsonElement?> RowAsync(HttpClient user, Guid conversation, bool unreadOnly)
    {
        var page = await (await user.GetAsync(
            $"/api/v1/inbox/conversations?limit=200{(unreadOnly ? "&unread=true" : "")}", Ct)).ReadAsync<JsonElement>();
        foreach (var row in page.GetProperty("items").EnumerateArray())
        {
            if (row.GetProperty("id").GetGuid() == conversation)
            {
                return row;
            }
        }
        return null;
    }

    private static async Task<int> UnreadAsync(HttpClient user, Guid conversation) =>
        (await RowAsync(user, conversation, false))!.Value.GetProperty("unread").GetInt32();

    [Fact]
    public async Task One_user_reading_a_conversation_leaves_it_unread_for_the_others_until_a_new_message()
    {
        var (sales, conversation, sender) = await ThreadAsync();
        using var viewer = await App.ClientAsync("viewer");
        Assert.Equal((1, 1), (await UnreadAsync(sales, conversation), await UnreadAsync(viewer, conversation)));

        Assert.Equal(HttpStatusCode.NoContent,
            (await viewer.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/read", new { })).StatusCode);
        Assert.Equal((1, 0), (await UnreadAsync(sales, conversation), await UnreadAsync(viewer, conversation)));
        Assert.NotNull(await RowAsync(sales, conversation, unreadOnly: true));
        Assert.Null(await RowAsync(viewer, conversation, unreadOnly: true));
        var detail = await (await viewer.GetAsync($"/api/v1/inbox/conversations/{conversation}", Ct))
            .ReadAsync<JsonElement>();
        Assert.Equal(0, detail.GetProperty("conversation").GetProperty("unread").GetInt32());

        // A new message is unread for both: one new for the viewer, two for the one who never read it.
        using var client = App.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await FakeRespondIo.DeliverAsync(client, Received(sender, "Any news?"),
            AppFactory.WebhookKeys[0])).StatusCode);
        await App.EventuallyAsync(async () =>
        {
            await using var db = App.CreateDbContext();
            return await db.Conversations.AnyAsync(c => c.Id == conversation && c.InboundCount == 2, Ct) ? "2" : null;
        }, "second message processed");
        Assert.Equal((2, 1), (await UnreadAsync(sales, conversation), await UnreadAsync(viewer, conversation)));
        Assert.NotNull(await RowAsync(viewer, conversation, unreadOnly: true));

        // Answering counts as reading, for the one who answered.
        Assert.Equal(HttpStatusCode.Created, (await sales.PostJsonAsync(
            $"/api/v1/inbox/conversations/{conversation}/messages", new { text = "Tomorrow." })).StatusCode);
        Assert.Equal((0, 1), (await UnreadAsync(sales, conversation), await UnreadAsync(viewer, conversation)));
    }
}
