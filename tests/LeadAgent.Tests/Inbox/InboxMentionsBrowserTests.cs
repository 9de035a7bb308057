using System.Text.Json;
using System.Text.RegularExpressions;
using LeadAgent.Tests.Browser;
using LeadAgent.Tests.Kit;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Inbox;

/// <summary>In Chromium: "@" in a note offers the team, the picked person's bell shows the mention and opens the
/// conversation; Enter in a note with "/" is a new line; the side panel lists the contact's leads.</summary>
public sealed class InboxMentionsBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Conversation, JsonElement Row)> ConversationAsync(string first, string last)
    {
        var sender = InboxIngestionTests.NewSender(first, InboxIngestionTests.UniquePhone(), null, last);
        using (var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) })
        {
            (await FakeRespondIo.DeliverAsync(client, RespondIoEvents.Received(sender, "Any news?"),
                AppFactory.WebhookKeys[0])).EnsureSuccessStatusCode();
        }
        for (var i = 0; ; i++)
        {
            await using (var db = CreateDb())
            {
                if (await db.Conversations.Where(c => c.ExternalContactId == sender.Id.ToString()
                        && c.ContactId != null).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(Ct) is { } id)
                {
                    using var api = await app.ClientAsync(Roles.Sales);
                    var detail = await (await api.GetAsync($"/api/v1/inbox/conversations/{id}", Ct))
                        .ReadAsync<JsonElement>();
                    return (id, detail.GetProperty("conversation"));
                }
            }
            Assert.True(i < 300, "The conversation did not arrive.");
            await Task.Delay(100, Ct);
        }
    }

    private AppDbContext CreateDb() => app.CreateDbContext();

    private async Task<IPage> OpenAsync(Guid conversation, string name)
    {
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync($"{app.BaseUrl}/inbox/{conversation}");
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid='conversation-name']")).ToHaveTextAsync(name);
        return page;
    }

    [Fact]
    public async Task A_picked_mention_reaches_the_other_users_bell_and_opens_the_conversation()
    {
        var (conversation, _) = await ConversationAsync("Mila", "Mention");
        var name = $"Mira Mention{Guid.NewGuid().ToString("N")[..4]}";
        var (mira, _) = await app.CreateUserAsync(Roles.Sales, "Mira-pass-123");
        await using (var db = CreateDb())
        {
            await db.Users.Where(u => u.Id == mira.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName,
                name), Ct);
        }
        var page = await OpenAsync(conversation, "Mila Mention");
        var box = page.Locator("textarea[data-testid='composer-text']");
        var menu = page.Locator("[data-testid='mention-list']");

        await page.Locator("[data-testid='composer-note']").ClickAsync();
        await Expect(box).ToHaveAttributeAsync("data-triggers", "@");
        await box.ClickAsync();
        // A "/" in a note is text: no menu, and Enter is a new line.
        await box.PressSequentiallyAsync("/x");
        await box.PressAsync("Enter");
        await Expect(page.Locator("[data-testid='canned-list']")).ToHaveCountAsync(0);
        await Expect(box).ToHaveValueAsync("/x\n");
        await box.PressSequentiallyAsync("Ask @" + name[..3]);
        await Expect(menu.Locator($"[data-testid='mention-item'][data-name='{name}']")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "inbox-mention-menu");
        await box.PressAsync("Escape");
        await Expect(menu).ToHaveCountAsync(0);
        await box.PressSequentiallyAsync(name[3..4]);
        await menu.Locator($"[data-testid='mention-item'][data-name='{name}']").ClickAsync();
        await Expect(box).ToHaveValueAsync($"/x\nAsk @{name} ");
        await box.PressSequentiallyAsync("to call back");
        await page.Locator("[data-testid='composer-send']").ClickAsync();
        var note = page.Locator("[data-testid='message'][data-direction='Note']").Last;
        await Expect(note.Locator("[data-testid='mention']")).ToHaveTextAsync($"@{name}");
        await Expect(box).ToHaveValueAsync("");

        var other = await app.SignInAsync(mira.Email, "Mira-pass-123");
        var bell = other.Locator("[data-testid='notification-bell'] button").First;
        await Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await bell.ClickAsync();
        var item = other.Locator("[data-testid='notification-item']").First;
        await Expect(item).ToContainTextAsync("mentioned you in the conversation with Mila Mention");
        await item.ClickAsync();
        await Expect(other).ToHaveURLAsync(new Regex($"/inbox/{conversation}$"));
        await Expect(other.Locator("[data-testid='conversation-name']")).ToHaveTextAsync("Mila Mention");
        await Expect(other.Locator("[data-testid='mention']").Last).ToHaveTextAsync($"@{name}");
    }

    [Fact]
    public async Task The_side_panel_lists_the_open_leads_and_folds_the_closed_one_on_a_phone()
    {
        var (conversation, row) = await ConversationAsync("Lara", "Leads");
        var (contactId, companyId) = (row.GetProperty("contactId").GetGuid(), row.GetProperty("companyId").GetGuid());
        using var api = await app.ClientAsync(Roles.Sales);
        foreach (var (title, status, value) in new[] { ("Lara won deal", "Won", 900m), ("Lara refill", "Proposal",
                     2400m) })
        {
            (await api.PostJsonAsync("/api/v1/leads", new
            {
                title,
                companyId,
                primaryContactId = contactId,
                status,
                expectedValue = value,
                currency = "EUR",
            })).EnsureSuccessStatusCode();
        }
        var page = await OpenAsync(conversation, "Lara Leads");
        var side = page.Locator("[data-testid='conversation-side']");
        var open = side.Locator("[data-testid='side-leads']").First.Locator("[data-testid='side-lead-item']");

        await Expect(open).ToHaveCountAsync(2);
        await Expect(open.First).ToContainTextAsync("Lara refill");
        await Expect(open.First).ToContainTextAsync("2,400 EUR");
        var closed = side.Locator("[data-testid='side-closed-leads']");
        await Expect(closed.Locator("summary")).ToHaveTextAsync("1 closed");
        await Expect(closed.Locator("[data-testid='side-lead-item']")).ToBeHiddenAsync();
        await closed.Locator("summary").ClickAsync();
        await Expect(closed.Locator("[data-testid='side-lead-item']")).ToContainTextAsync("Lara won deal");
        await Expect(side.Locator("[data-testid='side-new-lead']")).ToHaveAttributeAsync("href",
            $"/leads/new?contactId={contactId}&companyId={companyId}");

        // On a phone the details pane fits without sideways scrolling.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"{app.BaseUrl}/inbox/{conversation}");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.Locator("[data-testid='inbox-pane-toggle']").ClickAsync();
        await Expect(side.Locator("[data-testid='side-closed-leads'] summary")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "inbox-side-leads-phone");
        Assert.True(await page.EvaluateAsync<bool>(
            "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));

        // The new-lead link opens the form with the contact and company filled in.
        await page.SetViewportSizeAsync(1440, 1000);
        await side.Locator("[data-testid='side-new-lead']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/leads/new\\?"));
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("h1")).ToHaveTextAsync("New lead");
        await Expect(Ui.Input(page, "lead-company")).ToHaveValueAsync(row.GetProperty("companyName").GetString()!);
        await Ui.FillAsync(page, "lead-title", "Lara from the inbox");
        await page.Locator("[data-testid='lead-save']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/leads/[0-9a-f-]{36}$"));
        var leads = await (await api.GetAsync($"/api/v1/leads?contactId={contactId}&limit=50", Ct))
            .ReadAsync<JsonElement>();
        Assert.Contains(leads.GetProperty("items").EnumerateArray(), l =>
            l.GetProperty("title").GetString() == "Lara from the inbox");
    }
}
