using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Imports;

/// <summary>
/// Files exported from HubSpot, Salesforce, Pipedrive and Zoho (Fixtures/Imports): their headers map without help,
/// their picklist labels never reject a row, and what the preview says of each row is what the run does.
/// </summary>
public abstract class ImportCrmFileTests(AppFactory app)
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Imports");

    [Theory]
    [InlineData("hubspot-contacts",
        "external_id=Record ID|email=Email|phone=Phone Number"
        + "|company_name=Associated Company|company_domain=Website URL"
        + "|company_country=Country/Region")]
    [InlineData("hubspot-companies",
        "external_id=Record ID|name=Company name|website=Company Domain Name"
        + "|phone=Phone Number|country=Country/Region|segment=Type"
        + "|size_band=Number of Employees")]
    [InlineData("salesforce-accounts",
        "external_id=Account ID|name=Account Name|city=Billing City"
        + "|country=Billing Country|segment=Type|size_band=Employees")]
    [InlineData("salesforce-contacts",
        "external_id=Contact ID|company_name=Account Name"
        + "|company_country=Mailing Country|role=Title")]
    [InlineData("salesforce-opportunities",
        "external_id=Opportunity ID|title=Opportunity Name"
        + "|company_name=Account Name|owner_email=Opportunity Owner"
        + "|source=Lead Source|status=Stage|expected_value=Amount"
        + "|currency=Opportunity Currency|company_country=Billing Country")]
    [InlineData("pipedrive-deals",
        "external_id=Deal - ID|title=Deal - Title|expected_value=Deal - Value"
        + "|currency=Deal - Currency|company_name=Deal - Organization"
        + "|contact_first_name=Deal - Contact person|status=Deal - Stage"
        + "|owner_email=Deal - Owner|contact_email=Person - Email"
        + "|contact_phone=Person - Phone"
        + "|company_country=Organization - Address - Country")]
    [InlineData("zoho-leads",
        "external_id=Record Id|owner_email=Lead Owner|company_name=Company"
        + "|status=Lead Status|source=Lead Source|classification=Rating"
        + "|company_country=Country")]
    public async Task Other_crms_exports_map_their_columns(string name, string expected)
    {
        var preview = await PreviewAsync(name);
        var mapped = preview.Mapping.ToDictionary(m => m.Key, m => preview.Headers[m.Value]);
        foreach (var pair in expected.Split('|').Select(e => e.Split('=')))
        {
            Assert.True(mapped.TryGetValue(pair[0], out var header), $"{name}: {pair[0]} is not mapped");
            Assert.Equal(pair[1], header);
        }
    }

    [Fact]
    public async Task Unknown_labels_are_kept_as_tags_with_a_warning_and_known_ones_translate()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = Unique();
        var file = "Account Name,Type,Billing Country\n"
            + $"Label Direct {tag} GmbH,Customer - Direct,Germany\nLabel Channel {tag} GmbH,Channel Partner / Reseller,"
            + "Germany\n";
        using var content = ImportRuns.Csv(file);
        var preview = await (await c.PostAsync("/api/v1/imports/preview?kind=Companies", content, Ct))
            .ReadAsync<ImportPreview>();
        Assert.All(preview.Rows, r => Assert.Equal(RowOutcome.Created, r.Outcome));
        Assert.Contains("kept as the tag \"customer - direct\"", preview.Rows[0].Message);
        Assert.Null(preview.Rows[1].Message);

        var run = await c.ImportAsync(file, "accounts.csv", "kind=Companies");
        Assert.Equal(2, run.Created);
        await using var db = app.CreateDbContext();
        var direct = await db.Companies.SingleAsync(x => x.Name == $"Label Direct {tag} GmbH", Ct);
        Assert.Equal(Segment.Unknown, direct.Segment);
        Assert.Contains("customer - direct", direct.Tags);
        var channel = await db.Companies.SingleAsync(x => x.Name == $"Label Channel {tag} GmbH", Ct);
        Assert.Equal(Segment.Reseller, channel.Segment);

        var leads = "Opportunity Name,Account Name,Lead Source,Stage\n"
            + $"Web {tag},Label Direct {tag} GmbH,Website,Closed Won\nShow {tag},Label Direct {tag} GmbH,Trade Show,"
            + "Value Proposition\n";
        Assert.Equal(2, (await c.ImportAsync(leads, "opportunities.csv", "kind=Leads")).Created);
        var web = await db.Leads.SingleAsync(x => x.Title == $"Web {tag}", Ct);
        Assert.Equal((LeadSource.InboundMessage, LeadStatus.Won), (web.Source, web.Status));
        var show = await db.Leads.SingleAsync(x => x.Title == $"Show {tag}", Ct);
        Assert.Equal((LeadSource.Import, LeadStatus.Proposal), (show.Source, show.Status));
        Assert.Contains("trade show", show.Tags);
    }

    [Fact]
    public async Task A_currency_in_the_cell_is_kept_and_one_that_contradicts_the_currency_column_rejects_the_row()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = Unique();
        var file = "company_name,title,expected_value,currency\n"
            + $"Money {tag} AG,Swiss,CHF 12'000,\nMoney {tag} AG,Clash,EUR 5000,USD\n"
            + $"Money {tag} AG,Column,1'250.50,CHF\nMoney {tag} AG,Euro,\"12.000,- €\",\n";
        var run = await c.ImportAsync(file, "money.csv", "kind=Leads");
        Assert.Equal((3, 1), (run.Created, run.Rejected));
        var issue = Assert.Single(await c.GetJsonAsync<List<ImportRowIssueDto>>($"/api/v1/imports/{run.Id}/issues"));
        Assert.Equal(2, issue.RowNumber);
        Assert.Contains("expected_value: 'EUR 5000' is in EUR, but the row says USD", issue.Message);

        await using var db = app.CreateDbContext();
        var leads = await db.Leads.Where(l => l.Title == "Swiss" || l.Title == "Column" || l.Title == "Euro")
            .Join(db.Companies.Where(x => x.Name == $"Money {tag} AG"), l => l.CompanyId, x => x.Id, (l, _) => l)
            .ToDictionaryAsync(l => l.Title, l => (l.ExpectedValue, l.Currency), Ct);
        Assert.Equal(((decimal?)12_000m, "CHF"), leads["Swiss"]);
        Assert.Equal(((decimal?)1_250.50m, "CHF"), leads["Column"]);
        Assert.Equal(((decimal?)12_000m, "EUR"), leads["Euro"]);

        var orders = $"number,ordered_on,company_name,total\n{tag}-1,2026-01-05,Money {tag} AG,Fr. 99.–\n";
        Assert.Equal(1, (await c.ImportAsync(orders, "orders.csv", "kind=Orders")).Created);
        var order = await db.Orders.SingleAsync(o => o.Number == $"{tag}-1", Ct);
        Assert.Equal((99m, "CHF"), (order.Total, order.Currency));
    }

    [Fact]
    public async Task The_rows_own_country_reads_its_phone_whatever_default_the_file_has()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = Unique();
        var file = $"name,country,phone\nPrefix {tag} AG,CH,044 668 18 00\nVorwahl {tag} GmbH,,030 1234567\n";
        using var content = ImportRuns.Csv(file);
        var preview = await (await c.PostAsync("/api/v1/imports/preview?kind=Companies&defaultCountry=DE", content,
            Ct)).ReadAsync<ImportPreview>();
        Assert.All(preview.Rows, r => Assert.Equal(RowOutcome.Created, r.Outcome));
        var run = await c.ImportAsync(file, "phones.csv", "kind=Companies&defaultCountry=DE");
        Assert.Equal(2, run.Created);
        await using var db = app.CreateDbContext();
        Assert.Equal("+41446681800", (await db.Companies.SingleAsync(x => x.Name == $"Prefix {tag} AG", Ct)).Phone);
        Assert.Equal("+49301234567", (await db.Companies.SingleAsync(x => x.Name == $"Vorwahl {tag} GmbH", Ct)).Phone);
    }

    [Fact]
    public async Task Leads_keep_the_created_and_closed_dates_of_the_file()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = Unique();
        var file = "Opportunity Name,Account Name,Stage,Created Date,Close Date\n"
            + $"Won {tag},Dated {tag} GmbH,Closed Won,2025-01-15,2025-06-30\n"
            + $"Open {tag},Dated {tag} GmbH,Prospecting,2025-02-01,2026-12-31\n"
            + $"Backwards {tag},Dated {tag} GmbH,Closed Lost,2025-05-01,2025-04-01\n";
        var run = await c.ImportAsync(file, "dated.csv", "kind=Leads");
        Assert.Equal((2, 1), (run.Created, run.Rejected));
        await using var db = app.CreateDbContext();
        var won = await db.Leads.SingleAsync(l => l.Title == $"Won {tag}", Ct);
        Assert.Equal(new DateTime(2025, 1, 15), won.CreatedAt);
        Assert.Equal(new DateTime(2025, 6, 30), won.StatusChangedAt);
        var open = await db.Leads.SingleAsync(l => l.Title == $"Open {tag}", Ct);
        Assert.Equal((new DateTime(2025, 2, 1), new DateTime(2025, 2, 1)), (open.CreatedAt, open.StatusChangedAt));
    }

    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(Dir, "*.expected").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n)!);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Preview_and_run_agree_row_by_row(string name)
    {
        var c = await app.ClientAsync(Roles.Sales);
        var (bytes, fileName, query) = await FileAsync(name);
        var preview = await PreviewAsync(name);
        Assert.True(preview.TotalRows <= 20, "the preview shows every row of these files");
        var run = await c.ImportAsync(bytes, fileName, query);
        var issues = (await c.GetJsonAsync<List<ImportRowIssueDto>>($"/api/v1/imports/{run.Id}/issues"))
            .ToDictionary(i => i.RowNumber);
        foreach (var row in preview.Rows)
        {
            var ran = issues.TryGetValue(row.Number, out var issue) ? issue.Outcome : (RowOutcome?)null;
            if (row.Outcome is RowOutcome.Rejected or RowOutcome.Skipped)
            {
                Assert.True(ran == row.Outcome, $"{name} row {row.Number}: previewed {row.Outcome}, ran {ran}");
            }
            else
            {
                Assert.True(ran is null, $"{name} row {row.Number}: previewed {row.Outcome}, ran {ran}");
            }
        }
        int Count(RowOutcome o) => preview.Rows.Count(r => r.Outcome == o);
        Assert.Equal(
            (Count(RowOutcome.Created), Count(RowOutcome.Updated), Count(RowOutcome.Unchanged)),
            (run.Created, run.Updated, run.Unchanged));
    }

    private async Task<ImportPreview> PreviewAsync(string name)
    {
        var c = await app.ClientAsync(Roles.Sales);
        var (bytes, fileName, query) = await FileAsync(name);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var url = $"/api/v1/imports/preview?fileName={Uri.EscapeDataString(fileName)}&{query}";
        return await (await c.PostAsync(url, content, Ct)).ReadAsync<ImportPreview>();
    }

    private static async Task<(byte[] Bytes, string FileName, string Query)> FileAsync(string name)
    {
        var file = Directory.GetFiles(Dir, name + ".*").Single(f => !f.EndsWith(".expected"));
        var settings = (await File.ReadAllLinesAsync(Path.Combine(Dir, name + ".expected"), Ct))[0]
            .TrimStart('#', ' ').Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var query = $"kind={settings["kind"]}"
            + (settings.TryGetValue("defaultCountry", out var country) ? $"&defaultCountry={country}" : "");
        return (await File.ReadAllBytesAsync(file, Ct), Path.GetFileName(file), query);
    }
}

// An app of their own, as the corpus tests have: they import every fixture file, which other import tests also
// import and then look up by their fixed names.
public sealed class ImportCrmFileSqliteTests(SqliteApp app) : ImportCrmFileTests(app), IClassFixture<SqliteApp>;

public sealed class ImportCrmFilePostgresTests(PostgresApp app) : ImportCrmFileTests(app), IClassFixture<PostgresApp>;
