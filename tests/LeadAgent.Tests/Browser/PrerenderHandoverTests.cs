using System.Net.Http.Json;
using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Browser;

/// <summary>
/// A first page reads its data once while it is prerendered and carries it into the live page: the live page does not
/// query again, and what is on screen stays there meanwhile (no loading bar, no blank list someone may be clicking).
/// </summary>
public sealed class PrerenderHandoverTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    // Watches the document from its first byte: notes when content once shown disappears or a loading bar appears.
    private const string Watch = """
        (() => {
          const selector = sessionStorage.getItem('watch');
          window.__shown = false; window.__blanked = false; window.__loading = false;
          const check = () => {
            if (!selector) { return; }
            const count = document.querySelectorAll(selector).length;
            if (count > 0) { window.__shown = true; } else if (window.__shown) { window.__blanked = true; }
            if (document.querySelector('[aria-label=Loading]')) { window.__loading = true; }
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true });
        })();
        """;

    [Theory]
    [InlineData("/", "[data-testid='kpi-open']", "Leads")]
    [InlineData("/companies", "[data-testid='company-table'] tbody tr", "Companies")]
    [InlineData("/contacts", "[data-testid='contact-table'] tbody tr", "Contacts")]
    [InlineData("/today", "[data-testid='today-counts']", "SalesTasks")]
    [InlineData("/inbox", "[data-testid='inbox-row']", "Conversations")]
    [InlineData("/leads", "[data-testid='lead-table'] tbody tr", "Leads")]
    public async Task The_first_page_reads_once_and_stays_shown_while_it_becomes_interactive(string path,
        string content, string table)
    {
        var api = await app.ClientAsync(Roles.Sales);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var company = await api.CreateAsync(Make.Company($"Handover {tag}"));
        await api.CreateAsync(Make.Contact($"Hanna{tag}", company));
        await api.CreateAsync(Make.Lead(company, $"Handover lead {tag}"));
        (await api.PostAsJsonAsync("/api/v1/inbox/sandbox/messages",
            new { channel = "WhatsApp", name = $"Hanna {tag}", phone = "+49 151 2345678", text = "Tote bags?" },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.Context.AddInitScriptAsync(Watch);

        // The data is there (an inbound message is taken in by the worker first), then a fresh load is watched.
        await page.GotoAsync(app.BaseUrl + path);
        await Expect(page.Locator(content).First).ToBeVisibleAsync();
        await page.EvaluateAsync("s => sessionStorage.setItem('watch', s)", content);
        await using var db = app.CreateDbContext();
        using var log = new CommandLog(db.Database.GetConnectionString()!);
        // The live page starts only once the prerendered one has arrived: what it reads is counted from there.
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            held.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit });
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.NotEmpty(log.Reading(table));
        log.Clear();
        release.SetResult();
        await BrowserApp.WaitForCircuitAsync(page);
        await Expect(page.Locator(content).First).ToBeVisibleAsync();

        Assert.Empty(log.Reading(table));

        Assert.True(await page.EvaluateAsync<bool>("() => window.__shown"), "The prerendered page showed no content.");
        Assert.False(await page.EvaluateAsync<bool>("() => window.__blanked"),
            $"{path}: the content went away while the page became interactive.");
        Assert.False(await page.EvaluateAsync<bool>("() => window.__loading"),
            $"{path}: a loading bar showed although the prerendered page had its data.");
    }
}
