using System.Text.RegularExpressions;
using LeadAgent.Tests.Browser;
using LeadAgent.Web.Data;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Contacts;

/// <summary>The contact list: sortable headers, search and archived switch in the address, chips and Back.</summary>
public sealed class ContactListPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Headers_sort_in_the_address_chips_remove_filters_and_Back_restores_the_view()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var key = "ct" + Unique(8);
        var zeta = await api.CreateAsync(Make.Company("Zeta " + key));
        var acme = await api.CreateAsync(Make.Company("Acme " + key));
        await api.CreateAsync(Make.Contact("Ann", zeta) with { LastName = key });
        await api.CreateAsync(Make.Contact("Bea", acme) with { LastName = key });
        var old = await api.CreateAsync(Make.Contact("Cid") with { LastName = key });
        var archived = await api.PostAsync($"/api/v1/contacts/{old.Id}/archive", null,
            TestContext.Current.CancellationToken);
        archived.EnsureSuccessStatusCode();
        var page = await app.SignedInPageAsync(Roles.Viewer);
        await page.GotoAsync(app.BaseUrl + $"/contacts?q={key}");
        await BrowserApp.WaitForCircuitAsync(page);

        var total = page.Locator("[data-testid='list-total']");
        var rows = page.Locator("[data-testid='contact-table'] tbody tr");
        await Expect(total).ToHaveTextAsync("2 contacts");
        await Expect(page.Locator("[data-testid='chip-q']")).ToContainTextAsync(key);
        await Expect(rows.First).ToContainTextAsync("Ann " + key);

        await page.Locator("[data-testid='sort-company']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=company$"));
        await Expect(rows.First).ToContainTextAsync("Bea " + key);
        await Expect(page.Locator("th[aria-sort='ascending']")).ToContainTextAsync("Company");
        await page.Locator("[data-testid='sort-company']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sort=-company$"));
        await Expect(rows.First).ToContainTextAsync("Ann " + key);
        await Expect(page.Locator("th[aria-sort='descending']")).ToContainTextAsync("Company");

        await page.Locator("[data-testid='filter-archived']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("includeArchived=true"));
        await Expect(total).ToHaveTextAsync("3 contacts");
        await Expect(page.Locator("[data-testid='chip-includeArchived']")).ToBeVisibleAsync();

        await page.Locator("[data-testid='chip-remove-q']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/contacts\\?includeArchived=true&sort=-company$"));
        await Expect(page.Locator("[data-testid='chip-q']")).ToHaveCountAsync(0);
        await Expect(Ui.Input(page, "filter-q")).ToHaveValueAsync("");

        await Ui.BackAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex($"q={key}&includeArchived=true"));
        await Expect(total).ToHaveTextAsync("3 contacts");
        await Expect(Ui.Input(page, "filter-q")).ToHaveValueAsync(key);
        await Ui.BackAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex($"q={key}&sort=-company$"));
        await Expect(total).ToHaveTextAsync("2 contacts");
        await Expect(page.Locator("[data-testid='chip-includeArchived']")).ToHaveCountAsync(0);
        await Expect(page.Locator("th[aria-sort='descending']")).ToContainTextAsync("Company");

        await Ui.SelectAsync(page, "page-size", "100");
        await Expect(page).ToHaveURLAsync(new Regex("limit=100$"));
        await Expect(total).ToHaveTextAsync("2 contacts");
    }
}
