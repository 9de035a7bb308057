using LeadAgent.Tests.Browser;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Inbox;

/// <summary>The unified inbox in Chromium: live arrival, reply, templates with variables, blocked sends explained, the
/// sandbox.</summary>
public sealed class InboxBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task DeliverAsync(string body)
    {
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var response = await FakeRespondIo.DeliverAsync(client, body, AppFactory.WebhookKeys[0]);
        response.EnsureSuccessStatusCode();
    }

    private static ILocator Row(IPage page, string name) => page.Locator("[data-testid='inbox-row']")
        .Filter(new() { HasTextString = name });

    [Fact]
    public async Task A_message_from_respond_io_appears_live_and_is_answered_with_text_and_a_template()
    {
        var page = await app.SignedInPageAsync(Roles.Sales);
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await page.GotoAsync(app.BaseUrl + "/inbox");
        await BrowserApp.WaitForCircuitAsync(page);

        // Arrives while the page is open: no reload.
        var sender = InboxIngestionTests.NewSender("Greta", InboxIngestionTests.UniquePhone(), null, "Live");
        const string markup = "Need 250 mugs <script>window.__xss=1</script><img src=x onerror=window.__xss=2>";
        await DeliverAsync(RespondIoEvents.Received(sender, markup));
        await Expect(Row(page, "Greta Live")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(Row(page, "Greta Live").Locator("[data-testid='row-unread']")).ToHaveTextAsync("1");

        await Row(page, "Greta Live").ClickAsync();
        await Expect(page.Locator("[data-testid='message-text']")
            .Filter(new() { HasTextString = "<script>" })).ToHaveTextAsync(markup);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        await Expect(page.Locator("[data-testid='side-lead']")).ToContainTextAsync("Inbound WhatsApp: Greta Live");
        await Expect(page.Locator("[data-testid='composer-window']")).ToContainTextAsync("24-hour window open");
        await BrowserApp.ShotAsync(page, "inbox-conversation");

        // Free-text reply: appears at once, then goes out through the outbox to the fake Respond.io.
        await Ui.FillAsync(page, "composer-text", "Hi Greta, 250 mugs are no problem.");
        await page.Locator("[data-testid='composer-send']").ClickAsync();
        var outbound = page.Locator("[data-testid='message'][data-direction='Outbound']").Last;
        await Expect(outbound).ToContainTextAsync("Hi Greta, 250 mugs are no problem.");
        await Expect(outbound.Locator("[data-testid='message-status']")).ToContainTextAsync("sent",
            new() { Timeout = 20_000 });
        Assert.Contains(app.Fake.Messages, m => m.ContactIdentifier == $"id:{sender.Id}"
            && m.Message["text"]!.GetValue<string>() == "Hi Greta, 250 mugs are no problem.");

        // A template with variables: previewed with this contact's values, then sent.
        var api = await app.ClientAsync(Roles.Sales);
        await (await api.PostJsonAsync("/api/v1/inbox/templates",
            new
            {
                name = "Mug follow-up",
                body = "Hello {{contact.first_name}}, here is the mug catalogue from {{user.name}}."
            }))
            .ReadAsync<System.Text.Json.JsonElement>();
        await page.ReloadAsync();
        await BrowserApp.WaitForCircuitAsync(page);
        await Ui.SelectAsync(page, "composer-template", "Mug follow-up");
        await Expect(page.Locator("[data-testid='template-preview']"))
            .ToContainTextAsync("Hello Greta, here is the mug catalogue from");
        await BrowserApp.ShotAsync(page, "inbox-template");
        await page.Locator("[data-testid='composer-send']").ClickAsync();
        await Expect(page.Locator("[data-testid='message'][data-direction='Outbound']").Last)
            .ToContainTextAsync("Hello Greta, here is the mug catalogue");
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task A_whatsapp_reply_after_the_window_is_blocked_with_the_reason()
    {
        var sender = InboxIngestionTests.NewSender("Otto", InboxIngestionTests.UniquePhone(), null, "Late");
        await DeliverAsync(RespondIoEvents.Received(sender, "Any news on my order?", at: DateTimeOffset.UtcNow
            .AddHours(-30)));
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + "/inbox");
        await BrowserApp.WaitForCircuitAsync(page);
        await Row(page, "Otto Late").ClickAsync();
        await Expect(page.Locator("[data-testid='composer-window']")).ToContainTextAsync("24-hour window closed");
        await Ui.FillAsync(page, "composer-text", "Sorry for the delay");
        await Expect(page.Locator("[data-testid='composer-send']")).ToBeDisabledAsync();
        await BrowserApp.ShotAsync(page, "inbox-blocked");
    }

    [Fact]
    public async Task The_sandbox_lets_a_new_user_play_the_customer_and_answer()
    {
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + "/inbox");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.Locator("[data-testid='sandbox-toggle']").ClickAsync();
        await Ui.FillAsync(page, "sandbox-name", "Sandy Customer");
        await Ui.FillAsync(page, "sandbox-phone", "+49 151 87654321");
        await Ui.FillAsync(page, "sandbox-text", "Do you have eco tote bags?");
        await page.Locator("[data-testid='sandbox-send']").ClickAsync();
        await Expect(Row(page, "Sandy Customer")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Row(page, "Sandy Customer").ClickAsync();
        await Ui.FillAsync(page, "composer-text", "Yes — organic cotton, from 100 pieces.");
        await Ui.Input(page, "composer-text").PressAsync("Control+Enter");
        var outbound = page.Locator("[data-testid='message'][data-direction='Outbound']").Last;
        await Expect(outbound.Locator("[data-testid='message-status']")).ToContainTextAsync("delivered",
            new() { Timeout = 20_000 });
        await BrowserApp.ShotAsync(page, "inbox-sandbox");
    }
}
