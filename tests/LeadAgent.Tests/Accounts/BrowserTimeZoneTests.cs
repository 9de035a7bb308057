using LeadAgent.Tests.Browser;
using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace LeadAgent.Tests.Accounts;

/// <summary>
/// Times follow the browser's zone from the first sign-in (instead of UTC for everyone); a later sign-in from another
/// zone, or a zone chosen under Profile, is not overwritten.
/// </summary>
public sealed class BrowserTimeZoneTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_first_sign_in_takes_the_browser_zone_and_later_ones_keep_it()
    {
        const string password = "Browser-pass-123";
        var (user, _) = await app.CreateUserAsync(Roles.Sales, password);
        Assert.Equal("UTC", await ZoneAsync(user.Id));

        await SignInAsync(user.Email, password, "Europe/Berlin");
        Assert.Equal("Europe/Berlin", await ZoneAsync(user.Id));

        await SignInAsync(user.Email, password, "Asia/Dubai");
        Assert.Equal("Europe/Berlin", await ZoneAsync(user.Id));
    }

    private async Task SignInAsync(string email, string password, string zone)
    {
        var context = await app.Browser.NewContextAsync(new() { TimezoneId = zone });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await BrowserApp.WaitForCircuitAsync(page);
        // The layout marks when it has compared the browser's zone with the user's (and taken it, the first time).
        await page.Locator("[data-zone-checked='yes']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await context.CloseAsync();
    }

    private async Task<string> ZoneAsync(string userId)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).SingleAsync(Ct);
    }
}
