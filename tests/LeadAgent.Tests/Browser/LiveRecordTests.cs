using Deque.AxeCore.Playwright;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Browser;

/// <summary>
/// Two people on the same record: one's change shows on the other's open page without a reload, unless they are
/// editing it; then their edits stay and a banner offers to reload. Changes from another instance (written around
/// this one) come with the version poll.
/// </summary>
public sealed class LiveRecordTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "Browser-pass-123";

    [Fact]
    public async Task Another_users_save_shows_on_an_open_lead_with_who_made_it()
    {
        var (_, _, alicePage) = await PersonAsync(Roles.Sales);
        var (bob, bobApi, bobPage) = await PersonAsync(Roles.Sales);
        var tag = Tag();
        var lead = await bobApi.CreateAsync(Make.Lead(await bobApi.CreateAsync(Make.Company()), $"Live {tag}"));
        await OpenLeadAsync(alicePage, lead.Id, $"Live {tag}");
        await OpenLeadAsync(bobPage, lead.Id, $"Live {tag}");

        await Ui.FillAsync(bobPage, "lead-title", $"Live {tag} by Bob");
        await bobPage.GetByTestId("lead-save").ClickAsync();
        await Expect(bobPage.GetByText("Lead saved.")).ToBeVisibleAsync();

        await Expect(Ui.Input(alicePage, "lead-title")).ToHaveValueAsync($"Live {tag} by Bob");
        await Expect(alicePage.GetByTestId("lead-heading")).ToContainTextAsync($"Live {tag} by Bob");
        await Expect(alicePage.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "just now" }))
            .ToHaveTextAsync($"{bob.DisplayName} updated this lead just now.");
        await Expect(alicePage.GetByTestId("timeline")).ToContainTextAsync($"updated by {bob.DisplayName}");
        Assert.Empty(await SeriousAxeAsync(alicePage));
        // Their own save is no news to Bob.
        await Expect(bobPage.GetByTestId("live-notice")).ToHaveTextAsync("");
    }

    [Fact]
    public async Task Unsaved_edits_stay_and_a_banner_offers_to_reload_on_a_phone()
    {
        var (_, _, alicePage) = await PersonAsync(Roles.Sales);
        var (bob, bobApi, _) = await PersonAsync(Roles.Sales);
        await alicePage.SetViewportSizeAsync(390, 844);
        var tag = Tag();
        var company = await bobApi.CreateAsync(Make.Company());
        var lead = await bobApi.CreateAsync(Make.Lead(company, $"Edited {tag}"));
        await OpenLeadAsync(alicePage, lead.Id, $"Edited {tag}");
        var title = Ui.Input(alicePage, "lead-title");
        var banner = alicePage.GetByRole(AriaRole.Alert)
            .Filter(new() { HasTextString = "while you were editing" });

        // Typed, not yet left the field: the page still counts it as an edit.
        await title.FillAsync("Alice's draft");
        var second = await PutLeadAsync(bobApi, lead, company.Id, $"Bob's title {tag}");
        await Expect(banner).ToContainTextAsync($"{bob.DisplayName} changed this lead while you were editing.");
        await Expect(title).ToHaveValueAsync("Alice's draft");
        Assert.True(await alicePage.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
        Assert.Empty(await SeriousAxeAsync(alicePage));

        await banner.GetByRole(AriaRole.Button, new() { Name = "Reload (discard your edits)" }).ClickAsync();
        await Expect(title).ToHaveValueAsync($"Bob's title {tag}");
        await Expect(banner).ToHaveCountAsync(0);

        // Keep editing: the text stays, and saving it meets the version conflict as before.
        await title.FillAsync("Alice's second draft");
        await PutLeadAsync(bobApi, second, company.Id, $"Bob again {tag}");
        await banner.GetByRole(AriaRole.Button, new() { Name = "Keep editing" }).ClickAsync();
        await Expect(banner).ToHaveCountAsync(0);
        await Expect(title).ToHaveValueAsync("Alice's second draft");
        await alicePage.GetByTestId("lead-save").ClickAsync();
        await Expect(alicePage.GetByTestId("form-error")).ToContainTextAsync("Someone else changed this record");
        await Expect(title).ToHaveValueAsync("Alice's second draft");
    }

    [Fact]
    public async Task A_change_from_another_instance_shows_at_the_next_poll()
    {
        var (_, _, page) = await PersonAsync(Roles.Viewer);
        var writer = await app.ClientAsync(Roles.Sales);
        var tag = Tag();
        var lead = await writer.CreateAsync(Make.Lead(await writer.CreateAsync(Make.Company()), $"Polled {tag}"));
        await OpenLeadAsync(page, lead.Id, $"Polled {tag}");

        // Another instance sharing the database: the row changes, nobody on this instance is told.
        await using (var db = app.CreateDbContext())
        {
            await db.Leads.Where(l => l.Id == lead.Id).ExecuteUpdateAsync(u => u
                .SetProperty(l => l.Title, $"Polled {tag} elsewhere")
                .SetProperty(l => l.Version, l => l.Version + 1), Ct);
        }
        await Expect(Ui.Input(page, "lead-title")).ToHaveValueAsync($"Polled {tag} elsewhere");
        await Expect(page.GetByTestId("live-notice")).ToHaveTextAsync("Someone updated this lead just now.");
    }

    [Fact]
    public async Task A_deleted_lead_says_so_and_who_deleted_it()
    {
        var (_, _, page) = await PersonAsync(Roles.Sales);
        var (admin, adminApi, _) = await PersonAsync(Roles.Admin);
        var tag = Tag();
        var lead = await adminApi.CreateAsync(Make.Lead(await adminApi.CreateAsync(Make.Company()), $"Gone {tag}"));
        await OpenLeadAsync(page, lead.Id, $"Gone {tag}");

        Assert.True((await adminApi.DeleteAsync($"/api/v1/leads/{lead.Id}", Ct)).IsSuccessStatusCode);
        await Expect(page.GetByText("This lead does not exist (any more).")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("live-notice")).ToHaveTextAsync($"{admin.DisplayName} deleted this lead.");
    }

    [Theory]
    [InlineData("contact")]
    [InlineData("company")]
    public async Task Contact_and_company_pages_show_another_users_change(string kind)
    {
        var (_, _, page) = await PersonAsync(Roles.Sales);
        var (bob, bobApi, _) = await PersonAsync(Roles.Sales);
        var tag = Tag();
        var company = await bobApi.CreateAsync(Make.Company($"Firma {tag}"));
        string path, changed;
        if (kind == "contact")
        {
            var contact = await bobApi.CreateAsync(Make.Contact($"Anna{tag}", company));
            (path, changed) = ($"/contacts/{contact.Id}", $"Berta{tag}");
            await OpenAsync(page, path, $"Anna{tag}");
            await Expect(Ui.Input(page, "contact-first")).ToHaveValueAsync($"Anna{tag}");
            var put = await bobApi.PutJsonAsync(path.Replace("/contacts", "/api/v1/contacts"),
                Make.Contact(changed, company) with { Version = contact.Version });
            Assert.True(put.IsSuccessStatusCode);
        }
        else
        {
            (path, changed) = ($"/companies/{company.Id}", $"Firma {tag} neu");
            await OpenAsync(page, path, $"Firma {tag}");
            var put = await bobApi.PutJsonAsync($"/api/v1/companies/{company.Id}",
                Make.Company(changed) with { Version = company.Version });
            Assert.True(put.IsSuccessStatusCode);
        }
        await Expect(page.Locator("h1")).ToContainTextAsync(changed);
        await Expect(page.GetByTestId("live-notice"))
            .ToHaveTextAsync($"{bob.DisplayName} updated this {kind} just now.");
        await Expect(page.GetByTestId("timeline")).ToContainTextAsync($"updated by {bob.DisplayName}");
    }

    private async Task<(UserDto User, HttpClient Api, IPage Page)> PersonAsync(string role)
    {
        var (user, token) = await app.CreateUserAsync(role, Password);
        return (user, app.TokenClient(token), await app.SignInAsync(user.Email, Password));
    }

    private async Task OpenLeadAsync(IPage page, Guid id, string title)
    {
        await page.GotoAsync(app.BaseUrl + $"/leads/{id}");
        await BrowserApp.WaitForCircuitAsync(page);
        // The form loads its lead after the page is interactive: type only into what it loaded.
        await Expect(Ui.Input(page, "lead-title")).ToHaveValueAsync(title);
    }

    private async Task OpenAsync(IPage page, string path, string heading)
    {
        await page.GotoAsync(app.BaseUrl + path);
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("h1")).ToContainTextAsync(heading);
    }

    private static async Task<LeadRow> PutLeadAsync(HttpClient api, LeadRow lead, Guid companyId, string title)
    {
        var response = await api.PutJsonAsync($"/api/v1/leads/{lead.Id}",
            new LeadInput { Title = title, CompanyId = companyId, Version = lead.Version });
        return await response.ReadAsync<LeadRow>();
    }

    private static async Task<List<string>> SeriousAxeAsync(IPage page)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new() { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        return [.. result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id)];
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];
}
