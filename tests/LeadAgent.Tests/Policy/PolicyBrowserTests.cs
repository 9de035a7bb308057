using LeadAgent.Tests.Browser;
using LeadAgent.Web.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Policy;

/// <summary>The lists page and the company page's Block action on a phone-sized screen (390 px).</summary>
public sealed class PolicyBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_salesperson_blocks_a_domain_and_a_company_on_a_phone()
    {
        var id = Unique(5);
        var company = await (await app.ClientAsync(Roles.Sales)).CreateAsync(Make.Company($"Sperrfirma {id}"));
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + "/policy");
        await BrowserApp.WaitForCircuitAsync(page);
        await Ui.FillAsync(page, "policy-add-value", $"https://www.gesperrt-{id}.de/");
        await Ui.FillAsync(page, "policy-add-reason", "Competitor");
        await page.Locator("[data-testid='policy-add']").ClickAsync();
        await Expect(page.Locator("[data-testid='policy-table']")).ToContainTextAsync($"gesperrt-{id}.de");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"),
            "The lists page scrolls sideways at 390 px.");
        await BrowserApp.ShotAsync(page, "90-policy-phone");

        await page.GotoAsync($"{app.BaseUrl}/companies/{company.Id}");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.Locator("[data-testid='policy-block']").ClickAsync();
        await Ui.FillAsync(page, "policy-reason", "Asked us to stop");
        await page.Locator("[data-testid='policy-block-confirm']").ClickAsync();
        await Expect(page.Locator("[data-testid='policy-banner']")).ToContainTextAsync("Asked us to stop");
        await BrowserApp.ShotAsync(page, "91-policy-company-blocked-phone");
    }
}
