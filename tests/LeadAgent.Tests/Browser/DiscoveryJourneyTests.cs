using LeadAgent.Tests.Discovery.Runs;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Browser;

/// <summary>
/// Discovery in the real UI: a salesperson creates a campaign, runs it, watches the funnel, opens the new company in
/// the review queue with its evidence and accepts it as a lead.
/// </summary>
public sealed class DiscoveryJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Campaign_run_review_and_accept_in_the_browser()
    {
        var id = Unique(5);
        var agency = CompanySites.Agency($"buehne-{id}.de", $"Bühnenwerk {id}");
        app.Sites.AddCompany(agency);
        app.Engines.Found[$"buehne{id} Deutschland"] =
            [($"http://{agency.Host}/", $"{agency.Name} <script>alert(1)</script>", "Eventagentur in München")];

        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + "/discovery");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.Locator("[data-testid='new-campaign']").ClickAsync();
        await BrowserApp.WaitForCircuitAsync(page);
        await Ui.FillAsync(page, "campaign-name", $"Bühnen {id}");
        await Ui.FillAsync(page, "campaign-keywords", $"buehne{id}");
        await Ui.SelectAsync(page, "campaign-regions", "DE");
        await page.Locator("[data-testid='campaign-save']").ClickAsync();
        await Expect(page.Locator("[data-testid='campaign-run']")).ToBeVisibleAsync();
        await page.Locator("[data-testid='campaign-run']").ClickAsync();

        await Expect(page.Locator("[data-testid='run-status']")).ToHaveTextAsync("Completed",
            new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid='run-funnel']")).ToContainTextAsync("New");
        await BrowserApp.ShotAsync(page, "40-discovery-run");
        await page.Locator("[data-testid='prospects'] a", new() { HasTextString = agency.Host }).ClickAsync();
        await BrowserApp.WaitForCircuitAsync(page);

        await Expect(page.Locator("[data-testid='prospect-summary']")).ToContainTextAsync(agency.Vat);
        await Expect(page.Locator("[data-testid='prospect-facts']")).ToContainTextAsync("impressum");
        // The search result's title is shown as text, never run.
        Assert.Equal(0, await page.Locator("script:text('alert(1)')").CountAsync());
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.ShotAsync(page, "41-discovery-prospect-phone");
        await page.SetViewportSizeAsync(1440, 1000);
        await page.Locator("[data-testid='prospect-accept']").ClickAsync();
        await Expect(page.Locator("[data-testid='prospect-lead']")).ToBeVisibleAsync();
        var href = await page.Locator("[data-testid='prospect-lead']").GetAttributeAsync("href");
        var leadId = Guid.Parse(href!.Split('/')[^1]);
        await page.GotoAsync(app.BaseUrl + href);
        await BrowserApp.WaitForCircuitAsync(page);
        var api = await app.ClientAsync(Roles.Sales);
        Assert.Equal(LeadSource.Discovery, (await api.GetJsonAsync<LeadRow>($"/api/v1/leads/{leadId}")).Source);
        await BrowserApp.ShotAsync(page, "42-discovery-lead");

        // "Research this company" from its page: the site is read again and matched to it, not proposed again.
        var lead = await api.GetJsonAsync<LeadRow>($"/api/v1/leads/{leadId}");
        await page.GotoAsync($"{app.BaseUrl}/companies/{lead.CompanyId}");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.Locator("[data-testid='company-research']").ClickAsync();
        await Expect(page.Locator("[data-testid='run-status']")).ToHaveTextAsync("Completed",
            new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid='prospects']")).ToContainTextAsync("Enriched");
    }
}
