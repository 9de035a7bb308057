using LeadAgent.Tests.Browser;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Inbox;

/// <summary>The inbox on a 390 px phone: one pane at a time (list → conversation → details, and back) and the
/// filters folded behind a button that counts the ones in use.</summary>
public sealed class InboxPhoneTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_phone_folds_the_filters_and_shows_list_conversation_and_details_one_at_a_time()
    {
        var last = "Phone" + Guid.NewGuid().ToString("N")[..6];
        var sender = InboxIngestionTests.NewSender("Pia", InboxIngestionTests.UniquePhone(), null, last);
        using (var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            (await FakeRespondIo.DeliverAsync(client, RespondIoEvents.Received(sender, "Lanyards for 300?"),
                AppFactory.WebhookKeys[0])).EnsureSuccessStatusCode();
        }
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + "/inbox");
        await BrowserApp.WaitForCircuitAsync(page);

        var toggle = page.Locator("[data-testid='inbox-filter-toggle']");
        var unreadOnly = page.Locator("[data-testid='inbox-unread-only']");
        await Expect(toggle).ToHaveTextAsync("Filters");
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(unreadOnly).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Expect(unreadOnly).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await unreadOnly.ClickAsync();
        await Expect(toggle).ToHaveTextAsync("Filters (1)");
        await toggle.ClickAsync();
        await Expect(unreadOnly).ToBeHiddenAsync();
        await Expect(toggle).ToHaveTextAsync("Filters (1)");
        Assert.True(await FitsAsync(page), "The inbox list scrolls sideways at 390 px.");

        var row = page.Locator("[data-testid='inbox-row']").Filter(new() { HasTextString = $"Pia {last}" });
        await row.ClickAsync(new() { Timeout = 20_000 });
        await Expect(page.Locator("[data-testid='conversation-name']")).ToHaveTextAsync($"Pia {last}");
        await Expect(page.Locator("[data-testid='inbox-list']")).ToBeHiddenAsync();
        await page.Locator("[data-testid='inbox-pane-toggle']").ClickAsync();
        await Expect(page.Locator("[data-testid='conversation-name']")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-testid='inbox-pane-toggle']")).ToHaveTextAsync("Conversation");
        Assert.True(await FitsAsync(page), "The details pane scrolls sideways at 390 px.");

        await page.Locator("[data-testid='inbox-back']").ClickAsync();
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/inbox");
        await Expect(page.Locator("[data-testid='inbox-list']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='conversation-name']")).ToHaveCountAsync(0);
    }

    private static Task<bool> FitsAsync(IPage page) => page.EvaluateAsync<bool>(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");
}
