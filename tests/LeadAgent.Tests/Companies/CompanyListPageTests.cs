using System.Text.RegularExpressions;
using LeadAgent.Tests.Browser;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Companies;

/// <summary>
/// The company list on a phone: its filters, sort and page size live in the address, chips remove filters, Back
/// brings the previous view, and a mangled link shows a message instead of failing.
/// </summary>
public sealed class CompanyListPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Filters_sort_and_page_size_live_in_the_address_and_Back_restores_them_on_a_phone()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var tag = "co" + Unique(8);
        await api.CreateAsync(Make.Company($"Alpha {tag}") with { Tags = [tag], Segment = Segment.Reseller });
        await api.CreateAsync(Make.Company($"Bravo {tag}") with { Tags = [tag], Segment = Segment.Reseller });
        await api.CreateAsync(Make.Company($"Charlie {tag}") with { Tags = [tag], Segment = Segment.BrandOwner });
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + $"/companies?tag={tag}&segment=Reseller");
        await BrowserApp.WaitForCircuitAsync(page);

        var total = page.Locator("[data-testid='list-total']");
        var rows = page.Locator("[data-testid='company-table'] tbody tr");
        await Expect(total).ToHaveTextAsync("2 companies");
        await Expect(page.Locator("[data-testid='chip-segment']")).ToContainTextAsync("Segment: Reseller");
        await Expect(page.Locator("[data-testid='chip-tag']")).ToContainTextAsync($"Tag: {tag}");
        await Expect(page.Locator("[data-testid='filter-toggle']")).ToContainTextAsync("Filters (2)");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await BrowserApp.ShotAsync(page, "companies-filter-chips-phone");
        await Expect(rows.First.Locator("td[data-label='Segment']")).ToContainTextAsync("Reseller");
        await Expect(rows.First.Locator("td[data-label='Tags']")).ToBeHiddenAsync();

        await page.Locator("[data-testid='chip-remove-segment']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/companies\\?tag={tag}$"));
        await Expect(total).ToHaveTextAsync("3 companies");
        await Expect(page.Locator("[data-testid='chip-segment']")).ToHaveCountAsync(0);

        // Phones show rows as cards without headers: the sort is a choice in the bar.
        await Ui.SelectAsync(page, "sort-choice", "Name Z–A");
        await Expect(page).ToHaveURLAsync(new Regex("sort=-name"));
        await Expect(rows.First).ToContainTextAsync($"Charlie {tag}");

        await Ui.SelectAsync(page, "page-size", "100");
        await Expect(page).ToHaveURLAsync(new Regex("sort=-name&limit=100$"));
        await Expect(rows.First).ToContainTextAsync($"Charlie {tag}");

        await Ui.BackAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex("sort=-name$"));
        await Ui.BackAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex($"/companies\\?tag={tag}$"));
        await Expect(rows.First).ToContainTextAsync($"Alpha {tag}");
        await Ui.BackAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex("segment=Reseller"));
        await Expect(page.Locator("[data-testid='chip-segment']")).ToContainTextAsync("Segment: Reseller");
        await Expect(total).ToHaveTextAsync("2 companies");

        // Clear all drops every filter and keeps the sort.
        await page.Locator("[data-testid='filter-clear-all']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/companies$"));
        await Expect(page.Locator("[data-testid='filter-chips']")).ToHaveCountAsync(0);
        await Expect(Ui.Input(page, "filter-q")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task A_mangled_link_shows_a_message_and_the_usual_list()
    {
        var page = await app.SignedInPageAsync(Roles.Viewer);
        await page.GotoAsync(app.BaseUrl + "/companies?segment=Pirates&sort=-shoeSize&limit=7&includeArchived=maybe");
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid='list-error']"))
            .ToContainTextAsync("segment, includeArchived, sort, limit");
        await Expect(page.Locator("[data-testid='filter-chips']")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid='sort-name']")).ToContainTextAsync("Name ▲");
    }
}
