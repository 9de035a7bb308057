using LeadAgent.Tests.Browser;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Inbox;

/// <summary>Inbox basics in Chromium: snooze (a preset from the header menu, the Snoozed filter, a custom time,
/// unsnooze) and "/" canned responses in the composer.</summary>
public sealed class InboxBasicsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private async Task<IPage> ConversationPageAsync(string first, string last, string text)
    {
        var sender = InboxIngestionTests.NewSender(first, InboxIngestionTests.UniquePhone(), null, last);
        using (var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            (await FakeRespondIo.DeliverAsync(client, RespondIoEvents.Received(sender, text),
                AppFactory.WebhookKeys[0])).EnsureSuccessStatusCode();
        }
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + "/inbox");
        await BrowserApp.WaitForCircuitAsync(page);
        await Row(page, $"{first} {last}").ClickAsync(new() { Timeout = 20_000 });
        await Expect(page.Locator("[data-testid='conversation-name']")).ToHaveTextAsync($"{first} {last}");
        return page;
    }

    private static ILocator Row(IPage page, string name) => page.Locator("[data-testid='inbox-row']")
        .Filter(new() { HasTextString = name });

    [Fact]
    public async Task A_conversation_is_snoozed_from_its_header_shown_under_snoozed_and_brought_back()
    {
        var page = await ConversationPageAsync("Sonja", "Snooze", "Back in a week");

        await page.Locator("[data-testid='conversation-snooze'] button").ClickAsync();
        await page.Locator("[data-testid='snooze-InOneWeek']").ClickAsync();
        await Expect(page.Locator("[data-testid='conversation-snoozed']")).ToContainTextAsync("Snoozed until");
        await Expect(page.Locator("[data-testid='timeline-event']").Last).ToContainTextAsync("Snoozed until");
        // Gone from the open list, listed under Snoozed.
        await Expect(Row(page, "Sonja Snooze")).ToHaveCountAsync(0);
        await Ui.SelectAsync(page, "inbox-status", "Snoozed");
        await Expect(Row(page, "Sonja Snooze").Locator("[data-testid='row-snoozed']")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "inbox-snoozed");

        // Back now, then snoozed again until a time typed in the user's zone.
        await page.Locator("[data-testid='conversation-unsnooze']").ClickAsync();
        await Expect(page.Locator("[data-testid='conversation-snoozed']")).ToHaveCountAsync(0);
        await Expect(Row(page, "Sonja Snooze")).ToHaveCountAsync(0);
        await page.Locator("[data-testid='conversation-snooze'] button").ClickAsync();
        await page.Locator("[data-testid='snooze-custom']").ClickAsync();
        await page.Locator("[data-testid='snooze-at']").FillAsync("2099-01-02T10:30");
        await page.Locator("[data-testid='snooze-custom-save']").ClickAsync();
        await Expect(page.Locator("[data-testid='snooze-error']")).ToContainTextAsync("At most a year ahead");
        var soon = DateTime.UtcNow.AddDays(3);
        await page.Locator("[data-testid='snooze-at']").FillAsync($"{soon:yyyy-MM-dd}T10:30");
        await page.Locator("[data-testid='snooze-custom-save']").ClickAsync();
        await Expect(page.Locator("[data-testid='conversation-snoozed']"))
            .ToContainTextAsync($"{soon:yyyy-MM-dd} 10:30");
        await Expect(Row(page, "Sonja Snooze")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Slash_lists_the_templates_and_the_keyboard_picks_one_with_the_conversations_values()
    {
        var api = await app.ClientAsync(Roles.Sales);
        await (await api.PostJsonAsync("/api/v1/inbox/templates",
            new { name = "Price list", body = "Hello {{contact.first_name}}, here are our prices." }))
            .ReadAsync<System.Text.Json.JsonElement>();
        await (await api.PostJsonAsync("/api/v1/inbox/templates",
            new { name = "Opening hours", body = "We are open 9 to 5." })).ReadAsync<System.Text.Json.JsonElement>();
        var page = await ConversationPageAsync("Carla", "Canned", "What do mugs cost?");
        var box = page.Locator("textarea[data-testid='composer-text']");
        var list = page.Locator("[data-testid='canned-list']");

        await box.ClickAsync();
        await box.PressSequentiallyAsync("/");
        await Expect(list.Locator("[data-testid='canned-item'][data-name='Price list']")).ToBeVisibleAsync();
        await box.PressSequentiallyAsync("pri");
        await Expect(list.Locator("[data-testid='canned-item']")).ToHaveCountAsync(1);
        await BrowserApp.ShotAsync(page, "inbox-canned");
        await box.PressAsync("Enter");
        await Expect(list).ToHaveCountAsync(0);
        await Expect(box).ToHaveValueAsync("Hello Carla, here are our prices.");

        // Escape closes the list and keeps the text; arrows move through the list.
        await box.PressSequentiallyAsync(" /zzz");
        await Expect(list).ToContainTextAsync("No template matches");
        await box.PressAsync("Escape");
        await Expect(list).ToHaveCountAsync(0);
        await Expect(box).ToBeFocusedAsync();
        await box.FillAsync("Also: /");
        await box.PressAsync("End");
        await box.PressSequentiallyAsync("o");
        await Expect(list.Locator("[data-testid='canned-item']").First).ToHaveAttributeAsync("data-name",
            "Opening hours");
        await box.PressAsync("ArrowDown");
        await box.PressAsync("ArrowUp");
        await box.PressAsync("Enter");
        await Expect(box).ToHaveValueAsync("Also: We are open 9 to 5.");

        await page.Locator("[data-testid='composer-send']").ClickAsync();
        await Expect(page.Locator("[data-testid='message'][data-direction='Outbound']").Last)
            .ToContainTextAsync("Also: We are open 9 to 5.");
        await Expect(box).ToHaveValueAsync("");
    }

    [Fact]
    public async Task The_bell_counts_an_assignment_lists_it_opens_the_conversation_and_marks_all_read()
    {
        var page = await ConversationPageAsync("Bela", "Bell", "Who takes care of me?");
        var conversation = page.Url.Split('/').Last();
        var email = (await page.Locator("[data-testid='current-user']").InnerTextAsync()).Split(' ')[0].Trim();
        var admin = await app.ClientAsync(Roles.Admin);
        var users = await (await admin.GetAsync("/api/v1/users", TestContext.Current.CancellationToken))
            .ReadAsync<System.Text.Json.JsonElement>();
        var me = users.EnumerateArray().First(u => u.GetProperty("email").GetString() == email)
            .GetProperty("id").GetString();
        await (await admin.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/assign", new { userId = me }))
            .ReadAsync<System.Text.Json.JsonElement>();

        await page.GotoAsync(app.BaseUrl + "/today");
        await BrowserApp.WaitForCircuitAsync(page);
        var bell = page.Locator("[data-testid='notification-bell'] button").First;
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await bell.ClickAsync();
        var item = page.Locator("[data-testid='notification-item']").First;
        await Expect(item).ToContainTextAsync("assigned you the conversation with Bela Bell");
        await BrowserApp.ShotAsync(page, "notification-bell");
        await item.ClickAsync();
        await Expect(page).ToHaveURLAsync($"{app.BaseUrl}/inbox/{conversation}");
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications");

        // The full list, with mark all read for the rest.
        await (await admin.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/assign",
            new { userId = (string?)null })).ReadAsync<System.Text.Json.JsonElement>();
        await (await admin.PostJsonAsync($"/api/v1/inbox/conversations/{conversation}/assign", new { userId = me }))
            .ReadAsync<System.Text.Json.JsonElement>();
        await page.GotoAsync(app.BaseUrl + "/notifications");
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid='notification-row']")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-testid='notifications-unread']")).ToHaveTextAsync("1 unread");
        await page.Locator("[data-testid='notifications-mark-all']").ClickAsync();
        await Expect(page.Locator("[data-testid='notifications-unread']")).ToHaveTextAsync("0 unread");
    }
}
