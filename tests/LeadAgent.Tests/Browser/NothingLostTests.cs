using System.Text.RegularExpressions;
using LeadAgent.Web.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Browser;

/// <summary>
/// Nothing a user does is lost silently: a click made while a page is still prerendered is replayed once it is
/// interactive, and leaving a form with unsaved changes asks first.
/// </summary>
public sealed class NothingLostTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_row_clicked_before_the_page_is_interactive_opens_its_lead_once_it_is()
    {
        // The circuit is held back until the click is made, so the test sees the click kept and replayed.
        var api = await app.ClientAsync(Roles.Sales);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var company = await api.CreateAsync(Make.Company($"Frühklick {tag}"));
        var lead = await api.CreateAsync(Make.Lead(company, $"Early {tag}"));
        var page = await app.SignedInPageAsync(Roles.Sales);

        var release = new TaskCompletionSource();
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync(app.BaseUrl + $"/leads?q={tag}");
        var cell = page.Locator("tbody tr td[data-label=Company]").First;
        await cell.ClickAsync();
        await Expect(page.Locator("html.replay-wait")).ToHaveCountAsync(1);
        Assert.EndsWith($"/leads?q={tag}", page.Url);

        release.SetResult();
        await Expect(page).ToHaveURLAsync(new Regex($"/leads/{lead.Id}$"));
        await Expect(page.Locator("html.replay-wait")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Leaving_a_form_with_unsaved_changes_asks_first()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var company = await api.CreateAsync(Make.Company($"Ungespeichert {tag}"));
        var lead = await api.CreateAsync(Make.Lead(company, $"Unsaved {tag}"));
        var page = await app.SignedInPageAsync(Roles.Sales);
        var leads = page.GetByRole(AriaRole.Link, new() { Name = "Leads", Exact = true }).First;
        async Task OpenLeadAsync()
        {
            await page.GotoAsync(app.BaseUrl + $"/leads/{lead.Id}");
            await BrowserApp.WaitForCircuitAsync(page);
            // The form loads its lead after the page is interactive: type only into what it loaded.
            await Expect(Ui.Input(page, "lead-title")).ToHaveValueAsync($"Unsaved {tag}");
        }

        // Nothing changed: no question.
        await OpenLeadAsync();
        await leads.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/leads(\?.*)?$"));

        await OpenLeadAsync();
        await Ui.FillAsync(page, "lead-title", $"Unsaved {tag} changed");
        await leads.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Leave without saving?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        Assert.EndsWith($"/leads/{lead.Id}", page.Url);
        await Expect(Ui.Input(page, "lead-title")).ToHaveValueAsync($"Unsaved {tag} changed");

        await leads.ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/leads(\?.*)?$"));
    }
}
