using LeadAgent.Tests.Browser;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Leads;

/// <summary>
/// Status, owner and next action change in the lead list itself, as versioned updates: the row shows the change,
/// a stale row is refused with the other user's change shown, and a viewer sees values only.
/// </summary>
public sealed class LeadInlineEditTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Status_owner_and_next_action_change_in_the_row_and_a_stale_row_is_refused()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var tag = "inl" + Guid.NewGuid().ToString("N")[..6];
        var company = await api.CreateAsync(Make.Company($"Inline {tag}"));
        var first = await api.CreateAsync(Make.Lead(company, $"First {tag}"));
        var second = await api.CreateAsync(Make.Lead(company, $"Second {tag}"));
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + $"/leads?q={tag}");
        await BrowserApp.WaitForCircuitAsync(page);
        var row = Row(page, first.Title);
        await Expect(page.Locator("[data-testid='lead-total']")).ToContainTextAsync("2 matching");

        var status = row.Locator("[data-testid='inline-status']");
        await Expect(status).ToHaveValueAsync("New");
        await status.SelectOptionAsync("Contacted");
        await Expect(Saved(page, "status Contacted")).ToBeVisibleAsync();
        Assert.Equal(LeadStatus.Contacted, (await api.GetJsonAsync<LeadRow>($"/api/v1/leads/{first.Id}")).Status);

        // Nobody owns it yet ("—"); "Me (…)" comes first among the people.
        var owner = row.Locator("[data-testid='inline-owner']");
        await Expect(owner.Locator("option:checked")).ToHaveTextAsync("—");
        var me = await owner.Locator("option").Nth(1).GetAttributeAsync("value");
        await Expect(owner.Locator("option").Nth(1)).ToContainTextAsync("Me (");
        await owner.SelectOptionAsync(me!);
        await Expect(Saved(page, "owner")).ToBeVisibleAsync();
        var owned = await api.GetJsonAsync<LeadRow>($"/api/v1/leads/{first.Id}");
        Assert.Equal(me, owned.OwnerId);
        await Expect(owner.Locator("option:checked")).ToContainTextAsync(owned.OwnerName!);
        // Once owned, the first choice unassigns it.
        await Expect(owner.Locator("option").First).ToHaveTextAsync("Unassigned");

        await row.Locator("[data-testid='inline-next-action']").FillAsync("2027-01-15");
        await Expect(Saved(page, "next action 2027-01-15")).ToBeVisibleAsync();
        var planned = await api.GetJsonAsync<LeadRow>($"/api/v1/leads/{first.Id}");
        Assert.Equal(new DateOnly(2027, 1, 15), planned.NextActionOn);
        Assert.Equal(LeadStatus.Contacted, planned.Status); // one field at a time: the others stay
        Assert.Equal(owned.OwnerId, planned.OwnerId);
        // Editing in a row is not opening it.
        Assert.Contains($"/leads?q={tag}", page.Url);
        await BrowserApp.ShotAsync(page, "leads-inline-edit");

        // Someone else moves the second lead; this list still shows the old row.
        var moved = await api.PutJsonAsync($"/api/v1/leads/{second.Id}", Make.Lead(company, second.Title) with
        {
            Status = LeadStatus.Qualified,
            Version = second.Version,
        });
        moved.EnsureSuccessStatusCode();
        var stale = Row(page, second.Title);
        await stale.Locator("[data-testid='inline-status']").SelectOptionAsync("Lost");
        await Expect(Saved(page, "Someone else changed")).ToBeVisibleAsync();
        // The select shows their status, not the refused pick.
        await Expect(stale.Locator("[data-testid='inline-status']")).ToHaveValueAsync("Qualified");
        Assert.Equal(LeadStatus.Qualified, (await api.GetJsonAsync<LeadRow>($"/api/v1/leads/{second.Id}")).Status);
    }

    [Fact]
    public async Task A_viewer_sees_the_values_without_controls()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var tag = "inv" + Guid.NewGuid().ToString("N")[..6];
        var company = await api.CreateAsync(Make.Company($"Inline view {tag}"));
        await api.CreateAsync(Make.Lead(company, $"Viewed {tag}"));
        var page = await app.SignedInPageAsync(Roles.Viewer);
        await page.GotoAsync(app.BaseUrl + $"/leads?q={tag}");
        await BrowserApp.WaitForCircuitAsync(page);

        var row = Row(page, $"Viewed {tag}");
        await Expect(row).ToContainTextAsync("New");
        await Expect(row.Locator("[data-testid^='inline-']")).ToHaveCountAsync(0);
    }

    // The row's selects and checkboxes are native inputs, so they work from the keyboard alone.
    [Fact]
    public async Task A_row_status_changes_from_the_keyboard_and_a_row_is_selected_with_its_checkbox()
    {
        var api = await app.ClientAsync(Roles.Sales);
        var tag = "ink" + Guid.NewGuid().ToString("N")[..6];
        var company = await api.CreateAsync(Make.Company($"Inline keys {tag}"));
        var lead = await api.CreateAsync(Make.Lead(company, $"Keyed {tag}"));
        await api.CreateAsync(Make.Lead(company, $"Other {tag}"));
        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + $"/leads?q={tag}");
        await BrowserApp.WaitForCircuitAsync(page);
        var row = Row(page, lead.Title);

        var status = row.Locator("[data-testid='inline-status']");
        await status.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown"); // New → Contacted, as a closed select does on Linux and Windows
        await Expect(Saved(page, "status Contacted")).ToBeVisibleAsync();
        Assert.Equal(LeadStatus.Contacted, (await api.GetJsonAsync<LeadRow>($"/api/v1/leads/{lead.Id}")).Status);
        // The saved row replaces the old one in place: the keyboard stays on the select, ready for the next key.
        await Expect(status).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(Saved(page, "status Qualified")).ToBeVisibleAsync();
        await Expect(status).ToBeFocusedAsync();

        var check = row.Locator("input[type=checkbox]");
        await check.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("[data-testid='bulk-selection']")).ToContainTextAsync("1");
        await Expect(page.Locator("[data-testid='lead-table'] thead input[type=checkbox]")).Not.ToBeCheckedAsync();
        await page.Locator("[data-testid='lead-table'] thead input[type=checkbox]").CheckAsync();
        await Expect(page.Locator("[data-testid='bulk-selection']")).ToContainTextAsync("2");
        Assert.Contains($"/leads?q={tag}", page.Url); // selecting is not opening
    }

    private static ILocator Saved(IPage page, string text) =>
        page.Locator(".mud-snackbar").Filter(new() { HasTextString = text });

    private static ILocator Row(IPage page, string title) =>
        page.Locator("[data-testid='lead-table'] tbody tr").Filter(new() { HasTextString = title });
}
