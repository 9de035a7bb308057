using LeadAgent.Tests.Browser;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Rules;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Rules;

/// <summary>The rules list and editor in a phone-sized browser: simulate a saved rule and see its sample.</summary>
public sealed class RulePagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_admin_simulates_a_rule_on_a_phone_and_sees_the_leads_it_would_touch()
    {
        var kit = await RuleTestKit.StartAsync(app);
        await kit.LeadAsync("DE");
        await kit.LeadAsync("AT");
        var rule = await kit.RuleAsync([new { kind = "addTag", tag = "dach" }],
            new { field = "company.country", op = "in", value = "DACH" });

        var page = await app.SignedInPageAsync(Roles.Admin);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + "/rules");
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid='rules-table']")).ToContainTextAsync(rule.Name);

        await page.GotoAsync(app.BaseUrl + $"/rules/{rule.Id}");
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(Ui.Input(page, "rule-name")).ToHaveValueAsync(rule.Name);
        await page.Locator("[data-testid='rule-simulate']").ClickAsync();
        await Expect(page.Locator("[data-testid='rule-would-touch']")).ToContainTextAsync("Would touch 2 leads");
        await Expect(page.Locator("[data-testid='rule-simulation']")).ToContainTextAsync("tag + dach");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page is {width} px wide at a 390 px viewport.");
        await BrowserApp.ShotAsync(page, "rules-simulate-390");
    }
}
