using LeadAgent.Tests.Browser;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Pipeline;

/// <summary>The board on a phone: a move through the card's menu, and a move refused because someone else changed
/// the lead meanwhile; the exchange-rate page adds a rate.</summary>
public sealed class PipelineBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_salesperson_moves_a_card_by_its_menu_and_a_stale_card_goes_back_with_a_message()
    {
        var tag = "kanban" + Unique();
        var api = await app.ClientAsync(Roles.Sales);
        var company = await api.CreateAsync(Make.Company());
        var lead = await api.CreateAsync(
            Make.Lead(company, $"Stand {tag}") with { ExpectedValue = 1200, Tags = [tag] });
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"{app.BaseUrl}/pipeline?tag={tag}");
        await BrowserApp.WaitForCircuitAsync(page);
        var column = (string status) => page.Locator($"[data-testid='pipeline-column-{status}']");
        await Expect(column("New").Locator("[data-testid='pipeline-card']")).ToContainTextAsync($"Stand {tag}");
        await Expect(column("New").Locator("[data-testid='pipeline-total']")).ToContainTextAsync("1,200 EUR");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"),
            "The pipeline page scrolls sideways at 390 px.");

        await page.Locator("[data-testid='pipeline-card-menu']").First.ClickAsync();
        await page.Locator("[data-testid='pipeline-move-Contacted']").ClickAsync();
        await Expect(column("Contacted").Locator("[data-testid='pipeline-card']")).ToContainTextAsync($"Stand {tag}");
        await BrowserApp.ShotAsync(page, "95-pipeline-phone");

        // Someone else moves it meanwhile; this board still shows it under Contacted.
        var current = await api.GetJsonAsync<LeadRow>($"/api/v1/leads/{lead.Id}");
        await api.PostJsonAsync("/api/v1/pipeline/move", new { leadId = lead.Id, status = "Won", current.Version });
        await page.Locator("[data-testid='pipeline-card-menu']").First.ClickAsync();
        await page.Locator("[data-testid='pipeline-move-Proposal']").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasTextString = "Someone else changed" }))
            .ToBeVisibleAsync();
        await Expect(column("Won").Locator("[data-testid='pipeline-card']")).ToContainTextAsync($"Stand {tag}");
        await Expect(column("Proposal").Locator("[data-testid='pipeline-card']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_admin_adds_an_exchange_rate_on_the_rates_page()
    {
        var page = await app.SignedInPageAsync(Roles.Admin);
        await page.GotoAsync(app.BaseUrl + "/admin/exchange-rates");
        await BrowserApp.WaitForCircuitAsync(page);
        await Ui.FillAsync(page, "rate-currency", "NZD");
        await Ui.FillAsync(page, "rate-value", "0.55");
        await page.Locator("[data-testid='rate-save']").ClickAsync();
        await Expect(page.Locator("[data-testid='rates-table']")).ToContainTextAsync("1 NZD = 0.55 EUR");
        await Ui.FillAsync(page, "rate-currency", "XYZ");
        await Ui.FillAsync(page, "rate-value", "2");
        await page.Locator("[data-testid='rate-save']").ClickAsync();
        await Expect(page.Locator("text=not an ISO 4217 currency code")).ToBeVisibleAsync();
        var api = await app.ClientAsync(Roles.Admin);
        var rates = await api.GetJsonAsync<List<Web.Features.Money.ExchangeRateDto>>("/api/v1/exchange-rates");
        foreach (var rate in rates)
        {
            await api.DeleteAsync($"/api/v1/exchange-rates/{rate.Id}", Ct);
        }
    }
}
