using LeadAgent.Tests.Browser;
using LeadAgent.Web.Data;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Qualification;

/// <summary>The brain's admin pages open on a phone (390 px) without sideways scrolling, with content.</summary>
public sealed class QualificationPagesBrowserTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("/qualification/icp", "Ideal customer profile", "94-icp-phone")]
    [InlineData("/qualification/scoring", "ICP fit", "95-scoring-phone")]
    [InlineData("/qualification/lookalikes", "Companies like our best clients", "96-lookalikes-phone")]
    [InlineData("/rules", "Rules", "97-rules-phone")]
    public async Task An_admin_page_of_the_brain_fits_a_phone(string path, string shows, string shot)
    {
        var page = await app.SignedInPageAsync(Roles.Admin);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(app.BaseUrl + path);
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("main, .mud-main-content").First).ToContainTextAsync(shows);
        await BrowserApp.ShotAsync(page, shot);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"{path} is {width} px wide at 390 px.");
    }
}
