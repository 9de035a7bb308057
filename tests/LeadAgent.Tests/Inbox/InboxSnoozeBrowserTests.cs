using LeadAgent.Tests.Browser;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Inbox;

/// <summary>Snooze in Chromium: a preset from the header menu, the Snoozed filter, a custom time, unsnooze.</summary>
public sealed class InboxSnoozeBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static ILocator Row(IPage page, string name) => page.Locator("[data-testid='inbox-row']")
        .Filter(new() { HasTextString = name });

    [Fact]
    public async Task A_conversation_is_snoozed_from_its_header_shown_under_snoozed_and_brought_back()
    {
        var sender = InboxIngestionTests.NewSender("Sonja", InboxIngestionTests.UniquePhone(), null, "Snooze");
        using (var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            (await FakeRespondIo.DeliverAsync(client, RespondIoEvents.Received(sender, "Back in a week"),
                AppFactory.WebhookKeys[0])).EnsureSuccessStatusCode();
        }
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + "/inbox");
        await BrowserApp.WaitForCircuitAsync(page);
        await Row(page, "Sonja Snooze").ClickAsync(new() { Timeout = 20_000 });

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
}
