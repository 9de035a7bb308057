using LeadAgent.Tests.Browser;
using LeadAgent.Web.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Search;

/// <summary>Ctrl+K on any page: type part of a name, and Enter opens the record; actions are there too.</summary>
public sealed class PaletteBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Ctrl_K_finds_a_company_and_Enter_opens_it()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var company = await api.CreateAsync(Make.Company($"Palette Messebau {tag}"));
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + "/leads");
        await BrowserApp.WaitForCircuitAsync(page);

        await page.Keyboard.PressAsync("Control+k");
        var palette = page.Locator("[data-testid='palette']");
        await Expect(palette).ToBeVisibleAsync();
        // Before typing: the actions, "New lead" first for someone who may write.
        await Expect(palette.Locator("[data-testid='palette-row']").First).ToContainTextAsync("New lead");
        await Expect(page.Locator("#palette-input")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync($"messebau {tag}");
        await Expect(palette.Locator("[data-testid='palette-row']").First).ToContainTextAsync(company.Name);
        await BrowserApp.ShotAsync(page, "98-palette");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + $"/companies/{company.Id}");
        await Expect(page.Locator("[data-testid='company-heading']")).ToHaveTextAsync(company.Name);

        // "All results" leads to the search page with the same words.
        await page.Keyboard.PressAsync("Control+k");
        await Expect(page.Locator("#palette-input")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("go to inbox");
        await Expect(palette.Locator("[data-testid='palette-row']").First).ToContainTextAsync("Go to inbox");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(app.BaseUrl + "/inbox");
        await page.GotoAsync(app.BaseUrl + $"/search?q={Uri.EscapeDataString(tag)}");
        await Expect(page.Locator("[data-testid='search-hit']").First).ToContainTextAsync(company.Name);
    }
}
