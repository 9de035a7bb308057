using System.Text.RegularExpressions;
using LeadAgent.Tests.Browser;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Leads;

/// <summary>
/// The lead list's compact filter bar: a search box and a Filters button; the filters in effect show as chips that
/// remove themselves from the address, and Back brings them back.
/// </summary>
public sealed class LeadFilterBarTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Chips_show_the_filters_in_the_address_remove_one_by_one_and_Back_restores_them()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var tag = "chip" + Guid.NewGuid().ToString("N")[..6];
        var company = await api.CreateAsync(Make.Company($"Chips {tag}"));
        foreach (var status in new[] { LeadStatus.New, LeadStatus.Contacted, LeadStatus.Won })
        {
            await api.CreateAsync(Make.Lead(company, $"{status} one {tag}") with { Status = status, Tags = [tag] });
        }
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + $"/leads?q={tag}&status=New,Contacted&tag={tag}");
        await BrowserApp.WaitForCircuitAsync(page);

        var total = page.Locator("[data-testid='lead-total']");
        await Expect(total).ToHaveTextAsync("2 matching leads");
        await Expect(page.Locator("[data-testid='chip-status']")).ToContainTextAsync("Status: New, Contacted");
        await Expect(page.Locator("[data-testid='chip-tag']")).ToContainTextAsync($"Tag: {tag}");
        await Expect(page.Locator("[data-testid='filter-toggle']")).ToContainTextAsync("Filters (2)");
        await Expect(page.Locator("[data-testid='filter-panel']")).Not.ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await BrowserApp.ShotAsync(page, "leads-filter-chips-phone");
        // A phone's card keeps what a salesperson acts on; source and tags are on the lead's page.
        var card = page.Locator("[data-testid='lead-table'] tbody tr").First;
        await Expect(card.Locator("td[data-label='Status']")).ToBeVisibleAsync();
        await Expect(card.Locator("td[data-label='Source']")).ToBeHiddenAsync();
        await Expect(card.Locator("td[data-label='Tags']")).ToBeHiddenAsync();

        await page.Locator("[data-testid='chip-remove-status']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/leads\\?q={tag}&tag={tag}$"));
        await Expect(total).ToHaveTextAsync("3 matching leads");
        await Expect(page.Locator("[data-testid='chip-status']")).ToHaveCountAsync(0);

        await Ui.BackAsync(page);
        await Expect(page.Locator("[data-testid='chip-status']")).ToContainTextAsync("Status: New, Contacted");
        await Expect(total).ToHaveTextAsync("2 matching leads");

        // The panel holds the controls; what it applies shows as a chip.
        await page.Locator("[data-testid='filter-toggle']").ClickAsync();
        await Expect(page.Locator("[data-testid='filter-panel']")).ToBeVisibleAsync();
        await Ui.SelectAsync(page, "filter-owner", "Unassigned");
        await page.Locator("[data-testid='filter-apply']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("owner=none"));
        await Expect(page.Locator("[data-testid='chip-owner']")).ToContainTextAsync("Owner: unassigned");

        // Clear all drops every filter, the search included.
        await page.Locator("[data-testid='filter-clear-all']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/leads$"));
        await Expect(page.Locator("[data-testid='filter-chips']")).ToHaveCountAsync(0);
        await Expect(Ui.Input(page, "filter-q")).ToHaveValueAsync("");
    }
}
