using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using LeadAgent.Web.Data;
using Microsoft.Playwright;

namespace LeadAgent.Tests.Browser;

/// <summary>
/// Every main page, with data in it, at a phone's width (no sideways scrolling) and on a desktop, checked with axe:
/// no serious or critical WCAG 2.2 AA violations. Each test visits all pages and reports every failure at once.
/// </summary>
public sealed class MainPagesTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    [Fact]
    public async Task Every_main_page_fits_a_phone_and_passes_axe()
    {
        var paths = await PathsAsync();
        var page = await app.SignedInPageAsync(Roles.Admin);
        await page.SetViewportSizeAsync(390, 844);
        var problems = new List<string>();
        foreach (var path in paths)
        {
            await OpenAsync(page, path);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (width > 390)
            {
                problems.Add($"{path}: {width} px wide at 390 px ({await WidestAsync(page)})");
            }
            problems.AddRange(await AxeAsync(page, path));
            await BrowserApp.ShotAsync(page, "phone" + Slug(path));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_main_page_passes_axe_on_a_desktop()
    {
        var paths = await PathsAsync();
        var page = await app.SignedInPageAsync(Roles.Admin);
        var problems = new List<string>();
        foreach (var path in paths)
        {
            await OpenAsync(page, path);
            problems.AddRange(await AxeAsync(page, path));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_sign_in_page_passes_axe_and_keeps_the_typed_email_after_a_failure()
    {
        var context = await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/login");
        Assert.Empty(await AxeAsync(page, "/login"));
        await page.FillAsync("#email", "someone@example.com");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("error=invalid"));
        Assert.Equal("someone@example.com", await page.InputValueAsync("#email"));
        Assert.Empty(await AxeAsync(page, "/login?error=invalid"));
        await context.CloseAsync();
    }

    private async Task<List<string>> PathsAsync()
    {
        var api = await app.ClientAsync(Roles.Admin);
        var company = await api.CreateAsync(Make.Company() with { Website = $"https://{Guid.NewGuid():N}.example" });
        var contact = await api.CreateAsync(Make.Contact("Jana", company));
        var lead = await api.CreateAsync(Make.Lead(company, "Trade fair stand for 2027"));
        var list = await (await api.PostAsJsonAsync("/api/v1/lists", new { name = $"Fairs {Guid.NewGuid():N}" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        (await api.PostAsJsonAsync("/api/v1/inbox/sandbox/messages",
            new { channel = "WhatsApp", name = "Jana Pages", phone = "+49 151 2345678", text = "Hello, a stand?" }))
            .EnsureSuccessStatusCode();
        var conversation = await WaitForConversationAsync(api);
        return
        [
            "/", "/today", "/inbox", $"/inbox/{conversation}", "/inbox/settings", "/leads",
            "/leads?status=New,Contacted&owner=me&scoreMin=10&tag=fair-2027", $"/leads/{lead.Id}",
            "/leads/new", "/companies", $"/companies/{company.Id}", "/companies/new", "/contacts",
            $"/contacts/{contact.Id}", "/contacts/new", "/lists", $"/lists/{list.GetProperty("id").GetGuid()}",
            "/rules", "/rules/new", "/discovery", "/discovery/review", "/discovery/campaigns/new",
            "/qualification/icp", "/qualification/lookalikes", "/qualification/scoring", "/imports", "/imports/new",
            "/duplicates", "/policy", "/tokens", "/profile", "/notifications", "/admin/users", "/admin/custom-fields",
            "/admin/audit", "/pipeline", "/admin/exchange-rates",
            "/no/such/page",
        ];
    }

    private static async Task<Guid> WaitForConversationAsync(HttpClient api)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var page = await api.GetFromJsonAsync<JsonElement>("/api/v1/inbox/conversations", timeout.Token);
            if (page.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } c)
            {
                return c.GetProperty("id").GetGuid();
            }
            await Task.Delay(200, timeout.Token);
        }
    }

    private async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(app.BaseUrl + path);
        await BrowserApp.WaitForCircuitAsync(page);
        await page.Locator("h1").First.WaitForAsync();
    }

    private static async Task<IEnumerable<string>> AxeAsync(IPage page, string path)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new() { Type = "tag", Values = [.. Tags] },
        });
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path}: {v.Impact} {v.Id} ({v.Help}) at "
                + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html.Length > 160 ? n.Html[..160] : n.Html)));
    }

    /// <summary>Names the element that sticks out furthest, so a failure says where to look.</summary>
    private static Task<string> WidestAsync(IPage page) => page.EvaluateAsync<string>("""
        () => { let w = null, r = 0;
          for (const e of document.querySelectorAll('body *')) {
            const right = e.getBoundingClientRect().right;
            if (right > r) { r = right; w = e; } }
          return w ? `${w.tagName.toLowerCase()}.${[...w.classList].join('.')} ends at ${Math.round(r)} px` : ''; }
        """);

    private static string Slug(string path) => path == "/" ? "-dashboard"
        : System.Text.RegularExpressions.Regex.Replace(path, "[0-9a-f]{8}-[0-9a-f-]{27}", "id").Replace('/', '-');
}
