using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Imports;

namespace LeadAgent.Tests.Policy;

/// <summary>
/// Imports flag what the block list names: the row is imported (the file is the team's data) and listed among the
/// run's issues with the entry and its reason; rows exempted by an allow entry and clean rows are not.
/// </summary>
public abstract class PolicyImportTests(AppFactory app)
{
    [Fact]
    public async Task Rows_naming_a_blocked_email_phone_domain_keyword_or_company_are_imported_and_flagged()
    {
        var (sales, admin) = (await app.ClientAsync(Roles.Sales), await app.ClientAsync(Roles.Admin));
        var id = Unique();
        var known = await sales.CreateAsync(Make.Company($"Known {id}"));
        async Task BlockAsync(HttpClient c, string kind, string value, string list = "block")
        {
            var r = await c.PostJsonAsync("/api/v1/policy", new { list, kind, value, reason = $"no {kind}" });
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        }
        await BlockAsync(sales, "emaildomain", $"spam-{id}.de");
        await BlockAsync(admin, "email", $"ok@spam-{id}.de", "allow");
        await BlockAsync(sales, "phone", "+49 30 9876" + Digits(id));
        await BlockAsync(sales, "domain", $"bad-{id}.de");
        await BlockAsync(sales, "company", known.Id.ToString());

        var csv = "first_name,email,phone,company_name,company_domain\n"
            + $"Mail,x@spam-{id}.de,,,\n"
            + $"Allowed,ok@spam-{id}.de,,,\n"
            + $"Phone,,030 9876{Digits(id)},,\n"
            + $"Site,,,Bad {id},https://www.bad-{id}.de\n"
            + $"Known,,,Known {id},\n"
            + $"Clean,clean@clean-{id}.de,,Clean {id},clean-{id}.de\n";
        var run = await sales.ImportAsync(csv, "contacts.csv", "kind=Contacts&defaultCountry=DE");

        Assert.Equal((6, 0, 0), (run.Created, run.Rejected, run.Skipped));
        var issues = await sales.GetJsonAsync<List<ImportRowIssueDto>>($"/api/v1/imports/{run.Id}/issues");
        Assert.Equal([1, 3, 4, 5], issues.Select(i => i.RowNumber).Order());
        Assert.All(issues, i => Assert.Equal(RowOutcome.Created, i.Outcome));
        Assert.Contains("no emaildomain", issues.Single(i => i.RowNumber == 1).Message, StringComparison.Ordinal);
        Assert.Contains("Flagged: On the block list (Phone", issues.Single(i => i.RowNumber == 3).Message,
            StringComparison.Ordinal);
        Assert.Contains($"bad-{id}.de", issues.Single(i => i.RowNumber == 4).Message, StringComparison.Ordinal);
        Assert.Contains("no company", issues.Single(i => i.RowNumber == 5).Message, StringComparison.Ordinal);

        await BlockAsync(sales, "keyword", $"Spielhalle{id}");
        var companies = await sales.ImportAsync($"name,website\nSpielhalle{id} Nord,\nSpielhallen{id} Süd,\n",
            "companies.csv", "kind=Companies");
        var flagged = Assert.Single(await sales.GetJsonAsync<List<ImportRowIssueDto>>(
            $"/api/v1/imports/{companies.Id}/issues"));
        Assert.Equal((1, RowOutcome.Created), (flagged.RowNumber, flagged.Outcome));
        Assert.Equal(2, companies.Created);
    }

    private static string Digits(string id) => string.Concat(id.Select(c => (char)('0' + c % 10)))[..4];
}

[Collection(nameof(SqliteImports))]
public sealed class PolicyImportSqliteTests(SqliteApp app) : PolicyImportTests(app);

[Collection(nameof(PostgresImports))]
public sealed class PolicyImportPostgresTests(PostgresApp app) : PolicyImportTests(app);
