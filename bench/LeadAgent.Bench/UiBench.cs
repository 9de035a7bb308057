using System.Diagnostics;
using Microsoft.Playwright;

namespace LeadAgent.Bench;

/// <summary>
/// Issue 16 targets, in a real Chromium against the published app on the demo workspace: sign in → usable dashboard
/// ≤ 1.0 s, any first page of a session ≤ 1.0 s, later navigations ≤ 300 ms, and no click lost while a page becomes
/// interactive. "Usable" means the Blazor circuit has rendered the page (the layout's <c>data-interactive="yes"</c>)
/// with its data (the list's rows, the dashboard's figures). The raw baseline is the same browser loading a static file
/// from the same server.
/// </summary>
internal static class UiBench
{
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("UI_BENCH_ROUNDS"), out var r)
        ? r : 10;
    private const string Password = "Bench-ui-password-1";
    // Debian's chromium-headless-shell: the same Blink and V8 without the browser's own UI. Chromium 156's full
    // browser starts its omnibox WebUI renderer with every new window, 0.6–1 s of CPU on these 2 cores in the middle
    // of the page being timed, which a person's browser did long before they opened the app (see the README).
    private const string HeadlessShell = "/usr/lib/chromium/chromium-headless-shell";
    // Each page with what shows it has its data: "usable" means the live page shows that, not just its heading.
    private static readonly Dictionary<string, string> Content = new()
    {
        ["/"] = "[data-testid=kpi-open]",
        ["/leads"] = "[data-testid=lead-table] tbody tr",
        ["/inbox"] = "[data-testid=inbox-row]",
        ["/companies"] = "[data-testid=company-table] tbody tr",
        ["/contacts"] = "[data-testid=contact-table] tbody tr",
        ["/today"] = "[data-testid=today-counts]",
    };
    private static readonly string[] FirstPages = ["/leads", "/inbox", "/companies", "/today"];
    private static readonly (string Link, string Heading, string Path)[] Tour =
        [("Leads", "Leads", "/leads"), ("Companies", "Companies", "/companies"), ("Contacts", "Contacts", "/contacts"),
            ("Inbox", "Inbox", "/inbox"), ("Dashboard", "Dashboard", "/")];

    public static async Task RunAsync()
    {
        await using var app = await UiBenchApp.StartAsync(Password);
        using var playwright = await Playwright.CreateAsync();
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH")
            ?? (File.Exists(HeadlessShell) ? HeadlessShell : "/usr/bin/chromium");
        Console.WriteLine($"ui: browser {chromium}");
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
        var signIn = new Stats("sign in → usable dashboard");
        var first = new Stats("first page of a session, new browser");
        var returning = new Stats("first page of a session, returning browser");
        var nav = new Stats("navigation in the app");
        var raw = new Stats("raw: static file in the same browser");
        var phases = new UiPhases();
        // Per page, so a slow figure says which page is slow.
        var firstByPage = FirstPages.ToDictionary(p => p, p => new Stats("    " + p));
        var navByPage = Tour.ToDictionary(t => t.Path, t => new Stats("    to " + t.Path));
        var lost = 0;
        for (var round = -1; round < Rounds; round++)
        {
            var warm = round < 0; // the first round pays for JIT and caches and is not counted
            var (signedIn, ms) = await SignInAsync(browser, app.Url, app.Email);
            await using var returningBrowser = signedIn;
            var state = await signedIn.StorageStateAsync();
            if (!warm)
            {
                signIn.Add(ms);
            }
            foreach (var path in FirstPages)
            {
                await using var context = await browser.NewContextAsync(new() { StorageState = state });
                await context.AddInitScriptAsync(UiPhases.InitScript);
                var page = await context.NewPageAsync();
                var sw = Stopwatch.StartNew();
                await page.GotoAsync(app.Url + path);
                await UsableAsync(page, path);
                if (!warm)
                {
                    first.Add(sw.Elapsed.TotalMilliseconds);
                    firstByPage[path].Add(sw.Elapsed.TotalMilliseconds);
                    await phases.AddAsync(page);
                }
                if (path == "/leads")
                {
                    foreach (var (link, heading, to) in Tour)
                    {
                        sw.Restart();
                        await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).First.ClickAsync();
                        await page.Locator("h1", new() { HasTextString = heading }).First.WaitForAsync();
                        await page.Locator(Content[to]).First.WaitForAsync();
                        if (!warm)
                        {
                            nav.Add(sw.Elapsed.TotalMilliseconds);
                            navByPage[to].Add(sw.Elapsed.TotalMilliseconds);
                        }
                    }
                }
                // A new tab of the browser that signed in: its cache holds the fingerprinted scripts and styles.
                var tab = await returningBrowser.NewPageAsync();
                sw.Restart();
                await tab.GotoAsync(app.Url + path);
                await UsableAsync(tab, path);
                if (!warm)
                {
                    returning.Add(sw.Elapsed.TotalMilliseconds);
                }
                await tab.CloseAsync();
                sw.Restart();
                await page.GotoAsync(app.Url + "/favicon.svg");
                if (!warm)
                {
                    raw.Add(sw.Elapsed.TotalMilliseconds);
                }
            }
            lost += await LostClickAsync(browser, state, app.Url) ? 1 : 0;
        }
        Report(signIn, 1000, raw);
        Report(first, 1000, raw);
        Print(firstByPage.Values);
        Report(returning, 1000, raw);
        Report(nav, 300, raw);
        Print(navByPage.Values);
        Console.WriteLine($"  {raw}");
        phases.Print("first page of a session");
        Console.WriteLine($"  clicks on a lead row the moment the list appeared: {Rounds + 1 - lost} of {Rounds + 1} "
            + $"opened the lead; lost {lost}   target 0: {(lost == 0 ? "met" : "MISSED")}");
    }

    private static void Report(Stats s, double target, Stats raw) =>
        Console.WriteLine($"  {s}   target p95 ≤ {target:F0} ms: {(s.P(0.95) <= target ? "met" : "MISSED")}"
            + $"   ratio p95 to raw {s.P(0.95) / raw.P(0.95):F1}x");

    private static void Print(IEnumerable<Stats> stats)
    {
        foreach (var s in stats)
        {
            Console.WriteLine($"  {s}");
        }
    }

    // The signed-in context is returned open: later tabs in it are a returning browser with a warm cache.
    private static async Task<(IBrowserContext Context, double Ms)> SignInAsync(IBrowser browser, string url,
        string email)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(url + "/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        var sw = Stopwatch.StartNew();
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url + "/");
        await UsableAsync(page, "/");
        var ms = sw.Elapsed.TotalMilliseconds;
        await page.CloseAsync();
        return (context, ms);
    }

    // Live (the circuit rendered the layout) and showing the page's data. Runs before 2026-12-03 also waited for
    // Playwright's network idle (500 ms without a request), which no person waits for; their figures include it.
    private static async Task UsableAsync(IPage page, string path)
    {
        await page.Locator("[data-interactive=yes]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("h1").First.WaitForAsync();
        await page.Locator(Content[path]).First.WaitForAsync();
    }

    // Opens the lead list and clicks the first row's company cell (not its link) as soon as the row is on screen.
    private static async Task<bool> LostClickAsync(IBrowser browser, string state, string url)
    {
        await using var context = await browser.NewContextAsync(new() { StorageState = state });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url + "/leads", new() { WaitUntil = WaitUntilState.Commit });
        var cell = page.Locator("tbody tr td[data-label=Company]").First;
        await cell.WaitForAsync();
        // A person clicks a spot on the screen: if the row is re-rendered away at that moment, the click is lost.
        // The live page replaces the prerendered row; if that happens between finding and measuring it, measure the
        // new one: a person aims at the place on the screen, not at a DOM node.
        var box = await cell.BoundingBoxAsync();
        for (var i = 0; box is null && i < 20; i++)
        {
            box = await cell.BoundingBoxAsync();
        }
        if (box is null)
        {
            return true;
        }
        await page.Mouse.ClickAsync(box.X + 4, box.Y + box.Height / 2);
        try
        {
            // Polled: a same-document navigation can slip past WaitForURL's event.
            await Assertions.Expect(page).ToHaveURLAsync(
                new System.Text.RegularExpressions.Regex("/leads/[0-9a-f-]{36}$"), new() { Timeout = 10_000 });
            return false;
        }
        catch (PlaywrightException)
        {
            return true;
        }
    }
}
