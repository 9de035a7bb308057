using LeadAgent.Tests.Browser;
using LeadAgent.Web.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Leads;

/// <summary>
/// The lead list keeps its filters, sort and page size in the address: headers sort, a link opens the same view, and
/// Back brings the previous one back.
/// </summary>
public sealed class LeadListAddressTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Headers_sort_the_address_keeps_the_view_and_Back_restores_it()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var tag = "adr" + Guid.NewGuid().ToString("N")[..6];
        var company = await api.CreateAsync(Make.Company($"Address {tag}"));
        foreach (var title in new[] { "Bravo", "Alpha", "Charlie" })
        {
            await api.CreateAsync(Make.Lead(company, $"{title} {tag}"));
        }
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + $"/leads?q={tag}");
        await BrowserApp.WaitForCircuitAsync(page);
        var first = page.Locator("[data-testid='lead-table'] tbody tr").First;
        await Expect(page.Locator("[data-testid='lead-total']")).ToContainTextAsync("3 matching");

        await page.Locator("[data-testid='sort-title']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=title"));
        await Expect(first).ToContainTextAsync($"Alpha {tag}");
        await page.Locator("[data-testid='sort-title']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=-title"));
        await Expect(first).ToContainTextAsync($"Charlie {tag}");
        await Expect(page.Locator("th[aria-sort='descending']")).ToContainTextAsync("Title");

        await Ui.BackAsync(page);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=title($|&)"));
        await Expect(first).ToContainTextAsync($"Alpha {tag}");

        // The address alone opens the same view in a new tab, page size included.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(app.BaseUrl + $"/leads?q={tag}&sort=-title&limit=100");
        await BrowserApp.WaitForCircuitAsync(other);
        await Expect(other.Locator("[data-testid='lead-table'] tbody tr").First).ToContainTextAsync($"Charlie {tag}");
        await Expect(Ui.Input(other, "filter-q")).ToHaveValueAsync(tag);
        await Expect(other.Locator("[data-testid='page-size']")).ToContainTextAsync("100");

        // A long title stays on one line, cut with an ellipsis; the whole title is its tooltip.
        var longTitle = $"Complete trade fair stand with lighting, furniture, screens and badges {tag} for 2027";
        await api.CreateAsync(Make.Lead(company, longTitle));
        await other.GotoAsync(app.BaseUrl + $"/leads?q={tag}&sort=-title");
        await BrowserApp.WaitForCircuitAsync(other);
        var link = other.Locator("[data-testid='lead-table'] td.col-title a").First;
        await Expect(link).ToHaveAttributeAsync("title", longTitle);
        // Measured in the page: the row may be re-rendered between a locate and a separate measure call.
        var height = await link.EvaluateAsync<double>("e => e.getBoundingClientRect().height");
        Assert.True(height is > 0 and < 30, $"The title is {height}px high: it wraps onto more than one line.");
    }
}
