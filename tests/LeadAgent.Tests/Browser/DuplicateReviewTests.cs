using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Duplicates;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Browser;

/// <summary>
/// The duplicate review in the real UI: a warning before creating a likely duplicate, merge with a field choice, undo,
/// "not a duplicate".
/// </summary>
public sealed class DuplicateReviewTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Sales_is_warned_then_merges_undoes_and_dismisses_a_duplicate_pair()
    {
        var tag = "Dup" + Unique(5);
        var api = await app.ClientAsync(Roles.Sales);
        var kept = await api.CreateAsync(new CompanyInput
        {
            Name = $"{tag} Events GmbH",
            Website = $"{tag.ToLowerInvariant()}.de",
            Country = "DE",
            City = "Berlin",
        });
        var other = await api.CreateAsync(
            new CompanyInput { Name = $"{tag} Events", Country = "DE", Industry = "Messebau" });
        var lead = await api.CreateAsync(Make.Lead(other, "Stand 2027"));

        // Creating a third spelling by hand is warned about first.
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + "/companies/new");
        await BrowserApp.WaitForCircuitAsync(page);
        await Ui.FillAsync(page, "company-name", $"{tag} Events Ltd.");
        await Ui.FillAsync(page, "company-country", "DE");
        await page.Locator("[data-testid='company-save']").ClickAsync();
        await Expect(page.Locator("[data-testid='duplicate-warning']")).ToContainTextAsync($"{tag} Events GmbH");
        await Expect(page.Locator("[data-testid='duplicate-warning']"))
            .ToContainTextAsync("Same name apart from legal form");
        await BrowserApp.ShotAsync(page, "20-duplicate-warning");

        await page.GotoAsync(app.BaseUrl + "/duplicates");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.Locator("[data-testid='duplicate-scan']").ClickAsync();
        await Expect(page.Locator("[data-testid='duplicate-message']")).ToContainTextAsync("likely duplicate pair");
        var (a, _) = DuplicatePair.Order(kept.Id, other.Id);
        var keptSide = a == kept.Id ? "a" : "b";
        var otherSide = a == kept.Id ? "b" : "a";
        var pairs = await api.GetJsonAsync<Page<DuplicatePairDto>>("/api/v1/duplicates?kind=Company&limit=200");
        var pair = pairs.Items.Single(p => p.A.Id == a && (p.B.Id == kept.Id || p.B.Id == other.Id));
        var card = page.Locator($"[data-testid='pair-{pair.Id}']");
        await Expect(card).ToContainTextAsync("Same name apart from legal form");
        await Expect(card).ToContainTextAsync("1 lead");

        // Keep the GmbH record, but take the other's spelling of the name.
        // Choosing the survivor makes the server check its side of every field; wait for that render, or checking
        // the other side first would be a no-op on a radio that is already checked and then be overwritten.
        await card.Locator($"[data-testid='survivor-{keptSide}']").CheckAsync();
        await Expect(card.Locator($"[data-testid='field-name-{keptSide}']")).ToBeCheckedAsync();
        await card.Locator($"[data-testid='field-name-{otherSide}']").CheckAsync();
        await Expect(card.Locator($"[data-testid='field-name-{otherSide}']")).ToBeCheckedAsync();
        await Expect(card.Locator("[data-testid='merge']")).ToContainTextAsync($"{tag} Events GmbH");
        await BrowserApp.ShotAsync(page, "21-duplicate-review");
        await card.Locator("[data-testid='merge']").ClickAsync();
        // A merge asks first, naming both records.
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("will be merged into");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid='duplicate-message']")).ToContainTextAsync("moved 1 lead.");
        await Expect(card).ToHaveCountAsync(0);
        var survivor = await api.GetJsonAsync<CompanyRow>($"/api/v1/companies/{kept.Id}");
        Assert.Equal($"{tag} Events", survivor.Name);
        Assert.Equal("Messebau", survivor.Industry);
        Assert.Equal(kept.Id, (await api.GetJsonAsync<LeadRow>($"/api/v1/leads/{lead.Id}")).CompanyId);
        await BrowserApp.ShotAsync(page, "22-duplicate-merged");

        var merges = await api.GetJsonAsync<List<MergeDto>>("/api/v1/merges?kind=Company");
        var merge = merges.First(m => m.SurvivorId == kept.Id);
        await page.Locator($"[data-testid='undo-{merge.Id}']").ClickAsync();
        await Expect(page.Locator("[data-testid='duplicate-message']")).ToContainTextAsync("both records are back");
        Assert.Equal(other.Id, (await api.GetJsonAsync<LeadRow>($"/api/v1/leads/{lead.Id}")).CompanyId);
        Assert.Equal($"{tag} Events GmbH", (await api.GetJsonAsync<CompanyRow>($"/api/v1/companies/{kept.Id}")).Name);

        // The pair is back in the queue; "not a duplicate" removes it for good.
        await card.Locator("[data-testid='dismiss']").ClickAsync();
        await Expect(page.Locator("[data-testid='duplicate-message']"))
            .ToContainTextAsync("will not be proposed again");
        await Expect(card).ToHaveCountAsync(0);
        await page.Locator("[data-testid='duplicate-scan']").ClickAsync();
        await Expect(page.Locator("[data-testid='duplicate-message']")).ToContainTextAsync("Compared");
        await Expect(card).ToHaveCountAsync(0);
    }
}
