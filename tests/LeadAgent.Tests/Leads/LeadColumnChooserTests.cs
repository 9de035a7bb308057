using System.Text.RegularExpressions;
using LeadAgent.Tests.Browser;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Leads;

/// <summary>
/// The lead list's column chooser: hiding, showing and moving columns changes the table at once, is kept for the user
/// across reloads (not for others), and a saved view brings its columns back.
/// </summary>
public sealed class LeadColumnChooserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] Default = [.. LeadColumns.Default];

    [Fact]
    public async Task Chosen_columns_apply_at_once_survive_a_reload_stay_private_and_come_back_with_a_view()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var tag = "col" + Guid.NewGuid().ToString("N")[..6];
        var company = await api.CreateAsync(Make.Company($"Columns {tag}") with { Country = "AT" });
        await api.CreateAsync(Make.Lead(company, $"Alpha {tag}"));
        await api.CreateAsync(Make.Lead(company, $"Bravo {tag}"));
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + $"/leads?q={tag}");
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid='lead-total']")).ToContainTextAsync("2 matching");
        await ExpectColumnsAsync(page, Default);

        // Hide Source, show Country and Created, move Owner before Status.
        await page.Locator("[data-testid='columns-toggle']").ClickAsync();
        await Expect(page.Locator("[data-testid='columns-panel']")).ToBeVisibleAsync();
        await ToggleAsync(page, "source");
        await ExpectColumnsAsync(page, [.. Default.Where(c => c != "source")]);
        await ToggleAsync(page, "country");
        await ToggleAsync(page, "createdAt");
        await page.Locator("[data-testid='column-up-owner']").ClickAsync();
        string[] chosen = ["title", "company", "owner", "status", "score", "classification", "value", "nextAction",
            "orders", "tags", "country", "createdAt"];
        await ExpectColumnsAsync(page, chosen);
        await Expect(page.Locator("[data-testid='column-up-title']")).ToHaveCountAsync(0);
        // Each checkbox follows its column as the rows reorder.
        await Expect(Box(page, "source")).Not.ToBeCheckedAsync();
        await Expect(Box(page, "value")).ToBeCheckedAsync();
        await Expect(Box(page, "contact")).Not.ToBeCheckedAsync();
        await Expect(Box(page, "createdAt")).ToBeCheckedAsync();
        await BrowserApp.ShotAsync(page, "leads-column-chooser");
        await page.Locator("[data-testid='columns-done']").ClickAsync();
        await Expect(page.Locator("[data-testid='columns-panel']")).Not.ToBeVisibleAsync();
        await Expect(page.Locator("td[data-label='Country']").First).ToHaveTextAsync("AT");

        // A shown extra column sorts by its header like the others.
        await page.Locator("[data-testid='sort-createdAt']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=-createdAt"));
        await Expect(page.Locator("th[aria-sort='descending']")).ToContainTextAsync("Created");

        await page.ReloadAsync();
        await BrowserApp.WaitForCircuitAsync(page);
        await ExpectColumnsAsync(page, chosen);

        // Another user still sees the usual columns.
        var other = await app.SignedInPageAsync(Roles.Viewer);
        await other.GotoAsync(app.BaseUrl + $"/leads?q={tag}");
        await BrowserApp.WaitForCircuitAsync(other);
        await Expect(other.Locator("[data-testid='lead-total']")).ToContainTextAsync("2 matching");
        await ExpectColumnsAsync(other, Default);

        // A view keeps the columns: reset them, pick the view, and they are back (and stay after a reload).
        var view = "Cols " + tag;
        await page.Locator("[data-testid='saved-view-new']").ClickAsync();
        await Ui.FillAsync(page, "saved-view-name", view);
        await page.Locator("[data-testid='saved-view-save']").ClickAsync();
        await Expect(page.Locator("[data-testid='saved-view-name']")).ToHaveCountAsync(0);
        await page.Locator("[data-testid='columns-toggle']").ClickAsync();
        await page.Locator("[data-testid='columns-reset']").ClickAsync();
        await ExpectColumnsAsync(page, Default);
        await page.Locator("[data-testid='columns-done']").ClickAsync();
        await Expect(page.Locator("[data-testid='columns-panel']")).Not.ToBeVisibleAsync();

        await Ui.SelectAsync(page, "saved-view", view);
        await ExpectColumnsAsync(page, chosen);
        await page.ReloadAsync();
        await BrowserApp.WaitForCircuitAsync(page);
        await ExpectColumnsAsync(page, chosen);
    }

    private static Task ToggleAsync(IPage page, string key) => Box(page, key).ClickAsync();

    private static ILocator Box(IPage page, string key) =>
        page.Locator($"[data-testid='column-{key}'] input[type=checkbox]");

    // Polls each header: the change travels over the circuit.
    private static async Task ExpectColumnsAsync(IPage page, string[] keys)
    {
        var headers = page.Locator("[data-testid='lead-table'] thead th[data-column]");
        await Expect(headers).ToHaveCountAsync(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            await Expect(headers.Nth(i)).ToHaveAttributeAsync("data-column", keys[i]);
        }
    }
}
