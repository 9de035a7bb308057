using LeadAgent.Web.Features.Accounts;
using Microsoft.Playwright;

namespace LeadAgent.Tests.Browser;

/// <summary>
/// The real app on Kestrel (loopback, random port) and a headless Debian Chromium driven by Playwright.
/// </summary>
public sealed class BrowserApp() : AppFactory(Provider.Sqlite), IAsyncLifetime
{
    private IPlaywright? _playwright;

    protected override bool UseRealServer => true;

    /// <summary>The Respond.io the app talks to in browser tests: a local fake on loopback.</summary>
    public Inbox.FakeRespondIo Fake { get; private set; } = null!;

    /// <summary>Company sites behind the crawler's proxy, and SearXNG, for discovery journeys.</summary>
    public Discovery.FakeSites Sites { get; private set; } = null!;
    public Discovery.FakeSearchEngines Engines { get; private set; } = null!;

    protected override async Task BeforeStartAsync()
    {
        Fake = await Inbox.FakeRespondIo.StartAsync();
        Sites = await Discovery.FakeSites.StartAsync();
        Engines = await Discovery.FakeSearchEngines.StartAsync();
    }

    protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        builder.UseSetting("RespondIo:BaseUrl", Fake.Url);
        builder.UseSetting("RespondIo:ApiToken", Inbox.FakeRespondIo.Token);
        builder.UseSetting("Inbox:PollSeconds", "1");
        // Open record pages poll their version every second (changes from "another instance" show quickly).
        builder.UseSetting("Live:PollSeconds", "1");
        builder.UseSetting("Discovery:Http:Proxy", Sites.Url);
        builder.UseSetting("Discovery:Crawl:MinDelaySeconds", "0");
        builder.UseSetting("Discovery:Providers:SearXng:BaseUrl", Engines.Url);
        builder.UseSetting("Discovery:Runs:PollSeconds", "1");
    }

    // Debian's chromium-headless-shell: the same Blink and V8 without the full browser's own UI, whose omnibox
    // renderer starts with every new window and takes CPU from the server under test.
    private const string HeadlessShell = "/usr/lib/chromium/chromium-headless-shell";

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');
    public static string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Directory.CreateDirectory(ScreenshotDir);
        // CI machines have 2 cores shared with the server under test; be patient, not flaky.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH")
                ?? (File.Exists(HeadlessShell) ? HeadlessShell : "/usr/bin/chromium"),
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A fresh browser context signed in through the login form as a new user of the role.</summary>
    public async Task<IPage> SignedInPageAsync(string role)
    {
        var password = "Browser-pass-123";
        var (user, _) = await CreateUserAsync(role, password);
        return await SignInAsync(user.Email!, password);
    }

    /// <summary>A fresh browser context signed in through the login form as this user.</summary>
    public async Task<IPage> SignInAsync(string email, string password)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 } });
        context.SetDefaultTimeout(15_000);
        // A first load of a page renders it on the server twice (prerender, then live) on 2 shared cores.
        context.SetDefaultNavigationTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(BaseUrl + "/");
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>
    /// Clicks and typing on prerendered HTML are lost until the Blazor circuit has rendered the page interactively:
    /// the layout marks that moment (pages without the main layout only wait for the script and the network).
    /// </summary>
    public static async Task WaitForCircuitAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-interactive]') === null"
            + " || document.querySelector('[data-interactive=\"yes\"]') !== null");
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, name + ".png"), FullPage = true });

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await DisposeAsync();
        await Fake.DisposeAsync();
        await Sites.DisposeAsync();
        await Engines.DisposeAsync();
    }
}
