using System.Text.Json;
using LeadAgent.Tests.Browser;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Qualification.Scoring;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Planner;

/// <summary>
/// The brain end to end in the browser on a phone (390 px): a new lead is judged by the worker, its next action shows
/// on the owner's Today page and can be done there, and the lead page explains its score factor by factor.
/// </summary>
public sealed class TodayBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_salesperson_sees_the_next_action_on_Today_and_the_leads_score_explained()
    {
        var id = Unique(5);
        var page = await app.SignedInPageAsync(Roles.Sales);
        var me = JsonSerializer.Deserialize<MeDto>(
            await (await page.APIRequest.GetAsync(app.BaseUrl + "/api/v1/me/")).TextAsync(), AppFactory.Json);
        var api = await app.ClientAsync(Roles.Admin);
        var company = await api.CreateAsync(Make.Company($"Messebau Nord {id}") with
        {
            Website = $"https://messebau-nord-{id}.de",
            Country = "DE",
            City = "Hamburg",
        });
        var lead = await api.CreateAsync(Make.Lead(company, $"Stand for {id}") with { OwnerId = me!.Id });
        // What the background worker does after every change: judge the company, score the lead, plan its actions.
        Assert.True(await app.WorkAllAsync() >= 1);

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + "/today");
        await BrowserApp.WaitForCircuitAsync(page);
        var card = page.Locator("[data-testid='task-card']")
            .Filter(new() { HasTextString = $"Find a contact at Messebau Nord {id}" });
        await Expect(card).ToHaveCountAsync(1);
        await Expect(card.Locator("[data-testid='task-reason']")).ToContainTextAsync("Nobody at");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"),
            "The Today page scrolls sideways at 390 px.");
        await BrowserApp.ShotAsync(page, "92-today-phone");
        await card.Locator("[data-testid='task-done']").ClickAsync();
        await Expect(card).ToHaveCountAsync(0);

        var score = await api.GetJsonAsync<LeadScoreView>($"/api/v1/leads/{lead.Id}/score");
        await page.GotoAsync($"{app.BaseUrl}/leads/{lead.Id}");
        await BrowserApp.WaitForCircuitAsync(page);
        var panel = page.Locator("[data-testid='lead-score']");
        await Expect(panel.Locator("[data-testid='lead-score-value']")).ToHaveTextAsync(score.Score!.Value.ToString());
        await Expect(panel.Locator("[data-testid='lead-score-band']")).ToContainTextAsync(score.Band!.ToString()!);
        await Expect(panel.Locator("[data-testid='score-factor']")).ToHaveCountAsync(score.Current.Factors.Count);
        await Expect(panel).ToContainTextAsync("ICP fit");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"),
            "The lead page scrolls sideways at 390 px.");
        await BrowserApp.ShotAsync(page, "93-lead-score-phone");
    }
}
