using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Browser;

/// <summary>A salesperson's day in the real UI: Kestrel on loopback, headless Debian Chromium.</summary>
public sealed class CrmJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Sales_creates_company_contact_and_lead_filters_bulk_assigns_and_sees_the_timeline()
    {
        var page = await app.SignedInPageAsync(Roles.Sales);
        await Expect(page.GetByText("Dashboard").First).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "01-dashboard");

        var suffix = Guid.NewGuid().ToString("N")[..6];
        var companyName = $"Brightside Events {suffix}";
        await page.GotoAsync(app.BaseUrl + "/companies/new");
        await BrowserApp.WaitForCircuitAsync(page);
        await Ui.FillAsync(page, "company-name", companyName);
        await Ui.FillAsync(page, "company-website", $"https://www.brightside-{suffix}.nl/contact?utm_source=x");
        await Ui.FillAsync(page, "company-country", "nl");
        await Ui.SelectAsync(page, "company-segment", "EventAgency");
        await page.Locator("[data-testid='company-save']").ClickAsync();
        await Expect(page.Locator("[data-testid='company-heading']")).ToHaveTextAsync(companyName);
        await Expect(Ui.Input(page, "company-website")).ToHaveValueAsync($"https://www.brightside-{suffix}.nl/contact");

        await page.Locator("[data-testid='company-new-contact']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/contacts/new\\?companyId="));
        await BrowserApp.WaitForCircuitAsync(page);
        await Ui.FillAsync(page, "contact-first", "Daan");
        await Ui.FillAsync(page, "contact-last", "Jansen");
        await Ui.FillAsync(page, "identity-value-0", $"Daan@Brightside-{suffix}.NL");
        await page.Locator("[data-testid='contact-save']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/contacts/[0-9a-f-]{36}$"));
        await Expect(Ui.Input(page, "identity-value-0")).ToHaveValueAsync($"daan@brightside-{suffix}.nl");

        // Three leads for the company, created through the form.
        for (var i = 1; i <= 3; i++)
        {
            await page.GotoAsync(app.BaseUrl + "/leads/new");
            await BrowserApp.WaitForCircuitAsync(page);
            await Ui.FillAsync(page, "lead-title", $"Badges {suffix} #{i}");
            await Ui.AutocompleteAsync(page, "lead-company", companyName);
            await page.Locator("[data-testid='lead-save']").ClickAsync();
            await Expect(page.Locator("[data-testid='lead-heading']")).ToHaveTextAsync($"Badges {suffix} #{i}");
        }
        await BrowserApp.ShotAsync(page, "02-lead-detail");

        // Filter the list down to these leads, select all matches and assign an owner in bulk.
        var (owner, _) = await app.CreateUserAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + "/leads");
        await BrowserApp.WaitForCircuitAsync(page);
        await Ui.Input(page, "filter-q").FillAsync($"Badges {suffix}");
        await Ui.Input(page, "filter-q").PressAsync("Enter");
        await Expect(page.Locator("[data-testid='lead-total']")).ToHaveTextAsync("3 matching leads");
        await page.Locator("[data-testid='lead-table'] thead input[type=checkbox]").CheckAsync();
        await Expect(page.Locator("[data-testid='bulk-selection']")).ToContainTextAsync("3");
        await Ui.SelectAsync(page, "bulk-action", "Assign owner");
        await Ui.SelectAsync(page, "bulk-owner", owner.DisplayName!);
        await page.Locator("[data-testid='bulk-apply']").ClickAsync();
        await Expect(page.Locator("[data-testid='bulk-confirm']"))
            .ToContainTextAsync("Change 3 lead(s): assign them to");
        await BrowserApp.ShotAsync(page, "03-bulk-confirm");
        await page.Locator("[data-testid='bulk-confirm-yes']").ClickAsync();
        await Expect(page.GetByText("Changed 3 of 3 lead(s).")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='lead-table'] tbody")).ToContainTextAsync(owner.DisplayName!);
        await BrowserApp.ShotAsync(page, "04-leads-after-bulk");

        // A note on the first lead, then the timeline shows the note, the bulk change and the creation.
        await page.Locator("[data-testid='lead-table'] tbody a")
            .Filter(new() { HasTextString = $"Badges {suffix} #1" }).ClickAsync();
        await BrowserApp.WaitForCircuitAsync(page);
        await Ui.FillAsync(page, "note-input", "Called **Daan**: wants 500 badges <script>window.__xss=1</script>");
        await page.Locator("[data-testid='note-add']").ClickAsync();
        await Expect(page.Locator("[data-testid='note-body']").First)
            .ToContainTextAsync("wants 500 badges <script>window.__xss=1</script>");
        await Expect(page.Locator("[data-testid='note-body'] strong").First).ToHaveTextAsync("Daan");
        var timeline = page.Locator("[data-testid='timeline']");
        await Expect(timeline).ToContainTextAsync("note added");
        await Expect(timeline).ToContainTextAsync("bulk update");
        await Expect(timeline).ToContainTextAsync("created");
        await Expect(timeline).ToContainTextAsync($"Owner: — → {owner.DisplayName}");
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        await BrowserApp.ShotAsync(page, "05-lead-timeline");
    }

    [Fact]
    public async Task Five_wrong_passwords_pause_sign_in_from_that_browser_even_for_the_right_one()
    {
        var (user, _) = await app.CreateUserAsync(Roles.Sales, "Right-password-123");
        var page = await (await app.Browser.NewContextAsync()).NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await page.GotoAsync(app.BaseUrl + "/login");
            await page.FillAsync("#email", user.Email);
            await page.FillAsync("#password", "wrong-password-" + i);
            await page.ClickAsync("button[type=submit]");
        }
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");
        await page.FillAsync("#email", user.Email);
        await page.FillAsync("#password", "Right-password-123");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked for 15 minutes");
        Assert.Contains("/login", page.Url);
    }

    [Fact]
    public async Task Unknown_user_gets_the_same_message_as_a_wrong_password()
    {
        var page = await (await app.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/leads");
        await page.WaitForURLAsync("**/login?**");
        await page.FillAsync("#email", "nobody@test.local");
        await page.FillAsync("#password", "whatever-password");
        await page.ClickAsync("button[type=submit]");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("E-mail or password is not correct.");
        await BrowserApp.ShotAsync(page, "00-login-error");
    }
}
