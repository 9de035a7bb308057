using System.Text;
using System.Text.RegularExpressions;
using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LeadAgent.Tests.Browser;

/// <summary>
/// The import wizard in the real UI: upload, map an unknown column, keep another as a custom field, preview with
/// errors, run with live progress, then filter the leads by the kept field.
/// </summary>
public sealed class ImportWizardTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task Sales_imports_a_lead_file_through_the_wizard_and_watches_it_finish()
    {
        var tag = "wiz" + Guid.NewGuid().ToString("N")[..6];
        var csv = new StringBuilder("Kundenname;Website;Status;Wert;Messe\r\n");
        // A value that is no amount rejects its row (an unknown status would only become a tag).
        csv.Append($"Bad Row {tag};bad-{tag}.example;qualified;nonsense;IFA\r\n");
        for (var i = 0; i < 3000; i++)
        {
            csv.Append($"Wizard {tag} {i} GmbH;w{i}-{tag}.example;qualified;\"{i},50\";Stand {i}\r\n");
        }

        var page = await app.SignedInPageAsync(Roles.Sales);
        await page.GotoAsync(app.BaseUrl + "/imports/new");
        await BrowserApp.WaitForCircuitAsync(page);
        await page.Locator("[data-testid='import-file']").SetInputFilesAsync(new FilePayload
        {
            Name = $"{tag}.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv.ToString()),
        });
        // Known headers are mapped by themselves; "Kundenname" is not known, so its column is mapped by hand.
        await Expect(page.Locator("[data-testid='import-preview']")).ToContainTextAsync("Kundenname");
        await Ui.SelectAsync(page, "map-company_name", "Kundenname");
        await Expect(page.Locator("[data-testid='map-company_name']")).ToContainTextAsync("Kundenname");
        // "Messe" fits no field: it is kept as a new text field, which then takes the column.
        await Expect(page.Locator("[data-testid='import-unmapped']")).ToContainTextAsync("Looks like: Text");
        await Ui.SelectAsync(page, "keep-4", "Keep as text");
        await Expect(page.Locator("[data-testid='map-custom.messe']")).ToContainTextAsync("Messe");
        await Expect(page.Locator("[data-testid='import-preview']")).ToContainTextAsync("Created");
        await Expect(page.Locator("[data-testid='import-preview'] tbody tr").First).ToContainTextAsync("Rejected");
        await Expect(page.Locator("[data-testid='import-preview'] tbody tr").First)
            .ToContainTextAsync("expected_value");
        await BrowserApp.ShotAsync(page, "10-import-wizard");

        await page.Locator("[data-testid='import-start']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/imports/[0-9a-f-]{36}$"));
        await Expect(page.Locator("[data-testid='import-progress']")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid='import-rows']"))
            .ToContainTextAsync("3,001 / 3,001", new() { Timeout = 120_000 });
        await Expect(page.Locator("[data-testid='import-status']")).ToHaveTextAsync("Completed");
        await Expect(page.Locator("[data-testid='import-rejected']")).ToHaveTextAsync("1 rejected");
        await Expect(page.Locator("[data-testid='import-issues']")).ToContainTextAsync("nonsense");
        await Expect(page.Locator("[data-testid='import-download-rejected']")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "11-import-finished");

        // "3,000 created" leads to exactly those leads, and the export link keeps that filter.
        await page.Locator("[data-testid='import-created-leads']").ClickAsync();
        await Expect(page).ToHaveURLAsync(
            new System.Text.RegularExpressions.Regex("/leads\\?importRunId=[0-9a-f-]{36}$"));
        await Expect(page.Locator("[data-testid='chip-importRunId']")).ToContainTextAsync($"{tag}.csv");
        // Lists count up to Limits:TotalCap (1,000) and say there are more; the run itself said 3,000.
        await Expect(page.Locator("[data-testid='lead-total']")).ToHaveTextAsync("1,000+ matching leads");
        await Expect(page.Locator("[data-testid='leads-export']"))
            .ToHaveAttributeAsync("href", new Regex("importRunId="));
        await BrowserApp.ShotAsync(page, "11b-leads-from-import");

        await page.GotoAsync(app.BaseUrl + "/imports");
        await Expect(page.GetByText($"{tag}.csv")).ToBeVisibleAsync();
        await BrowserApp.ShotAsync(page, "12-import-history");

        await page.GotoAsync(app.BaseUrl + "/leads");
        await BrowserApp.WaitForCircuitAsync(page);
        await Ui.Input(page, "filter-q").FillAsync($"Wizard {tag} 2999");
        await Ui.Input(page, "filter-q").PressAsync("Enter");
        await Expect(page.Locator("[data-testid='lead-total']")).ToHaveTextAsync("1 matching leads");
        await Expect(page.Locator("[data-testid='leads-export']"))
            .ToHaveAttributeAsync("href", new Regex("/api/v1/leads/export\\?q=Wizard"));

        // The kept column is a field every lead of the file has, and the list filters by it.
        await Ui.FillAsync(page, "filter-q", "");
        await page.Locator("[data-testid='filter-toggle']").ClickAsync();
        await Ui.SelectAsync(page, "filter-custom-field", "Messe");
        await Ui.FillAsync(page, "filter-custom-is", "stand 2998");
        await page.Locator("[data-testid='filter-apply']").ClickAsync();
        await Expect(page.Locator("[data-testid='lead-total']")).ToHaveTextAsync("1 matching leads");
        await Expect(page.Locator("[data-testid='leads-export']"))
            .ToHaveAttributeAsync("href", new Regex("cf\\.messe=stand%202998"));
    }
}
