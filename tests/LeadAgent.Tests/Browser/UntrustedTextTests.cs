using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Browser;

/// <summary>HTML and script typed into any free-text field shows up as text on every page and never runs.</summary>
public sealed class UntrustedTextTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";

    [Fact]
    public async Task Markup_in_every_free_text_field_is_shown_as_text_and_never_executed()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var company = await (await api.PostJsonAsync("/api/v1/companies", new CompanyInput
        {
            Name = "Evil " + Payload,
            LegalName = Payload,
            City = Payload,
            Industry = Payload,
            Tags = ["<b>tag</b>"],
            CustomFields = new() { ["<i>key</i>"] = Payload },
        })).ReadAsync<CompanyRow>();
        var contact = await (await api.PostJsonAsync("/api/v1/contacts", new ContactInput
        {
            FirstName = "Eve " + Payload,
            LastName = Payload,
            Role = Payload,
            CompanyId = company.Id,
            Identities =
            [
                new(IdentityKind.Instagram, "<svg/onload=window.__xss=3>"),
                new(IdentityKind.Email, "eve@example.com", "<b>x</b>"),
            ],
        })).ReadAsync<ContactRow>();
        var lead = await (await api.PostJsonAsync("/api/v1/leads", new LeadInput
        {
            Title = "Lead " + Payload,
            CompanyId = company.Id,
            PrimaryContactId = contact.Id,
            Tags = ["<script>x</script>"],
        })).ReadAsync<LeadRow>();
        await api.PostJsonAsync("/api/v1/notes", new NoteInput(NoteSubject.Lead, lead.Id, "Note " + Payload));
        await api.PostJsonAsync("/api/v1/notes", new NoteInput(NoteSubject.Company, company.Id,
            "<javascript:alert(document.domain)> [v](vbscript:msgbox(1)) <data:text/html,x>"));
        await api.PostJsonAsync("/api/v1/lists", new { name = "List " + Payload, description = Payload });

        var page = await app.SignedInPageAsync(Roles.Admin);
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        foreach (var (path, shot) in new[]
        {
            ($"/leads/{lead.Id}", "xss-lead"), ($"/companies/{company.Id}", "xss-company"),
            ($"/contacts/{contact.Id}", "xss-contact"), ("/leads", "xss-leads"), ("/companies", "xss-companies"),
            ("/contacts", "xss-contacts"), ("/lists", "xss-lists"), ("/admin/audit", "xss-audit"),
        })
        {
            await page.GotoAsync(app.BaseUrl + path);
            await BrowserApp.WaitForCircuitAsync(page);
            await Expect(page.GetByText(Payload).First).ToBeAttachedAsync();
            Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
            Assert.Equal(0,
                await page.Locator("main img[src='x'], main script:not([src]), main svg[onload]").CountAsync());
            Assert.Equal(0, await page.Locator(
                "a[href^='javascript:' i], a[href^='vbscript:' i], a[href^='data:' i]").CountAsync());
            if (shot == "xss-lead")
            {
                await BrowserApp.ShotAsync(page, shot);
            }
        }
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task The_content_security_policy_stops_injected_inline_script_while_the_app_works()
    {
        var page = await app.SignedInPageAsync(Roles.Sales);
        var violations = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(m.Text);
            }
        };
        await page.GotoAsync(app.BaseUrl + "/leads");
        await BrowserApp.WaitForCircuitAsync(page);
        // The app itself (Blazor's websocket, MudBlazor's script and styles) runs without a single violation ...
        await Expect(page.Locator("[data-interactive='yes']")).ToBeAttachedAsync();
        Assert.Empty(violations);
        // ... while script injected into the page, as a stored XSS would, does not run.
        var ran = await page.EvaluateAsync<int?>(InjectScript);
        Assert.Null(ran);
    }

    private const string InjectScript = """
        () => {
            const s = document.createElement('script');
            s.textContent = 'window.__injected = 1';
            document.body.appendChild(s);
            const a = document.createElement('a');
            a.href = 'javascript:window.__injected = 2';
            document.body.appendChild(a);
            a.click();
            return window.__injected ?? null;
        }
        """;

    [Fact]
    public async Task A_viewer_sees_records_read_only_without_edit_buttons()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var company = await api.CreateAsync(new CompanyInput { Name = "Viewer Co " + Unique() });
        var page = await app.SignedInPageAsync(Roles.Viewer);
        await page.GotoAsync($"{app.BaseUrl}/companies/{company.Id}");
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid='company-heading']")).ToHaveTextAsync(company.Name);
        await Expect(page.Locator("[data-testid='company-save']")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid='note-add']")).ToHaveCountAsync(0);
        await page.GotoAsync($"{app.BaseUrl}/leads");
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid='new-lead']")).ToHaveCountAsync(0);
        await page.GotoAsync($"{app.BaseUrl}/admin/users");
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(page.GetByText("Your role does not allow this page.", new() { Exact = false })).ToBeVisibleAsync();
    }
}
