using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Imports;

/// <summary>
/// Which record a row of a CSV import updates: remembered column mappings, import modes, match keys; SQLite and
/// PostgreSQL.
/// </summary>
public abstract class ImportMatchingTests(AppFactory app)
{
    [Fact]
    public async Task Mapping_is_remembered_per_header_set_and_modes_are_respected()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = Unique(8);
        var header = "Kunde,Netzadresse";
        var mapping = Uri.EscapeDataString("{\"name\":0,\"website\":1}");
        var first = await c.ImportAsync($"{header}\nAlpha {tag},alpha-{tag}.example\n", "a.csv",
            $"kind=Companies&mapping={mapping}");
        Assert.Equal(1, first.Created);

        var rows = $"{header}\nAlpha {tag} Renamed,alpha-{tag}.example\nBeta {tag},beta-{tag}.example\n";
        using var again = ImportRuns.Csv(rows);
        var preview = await (await c.PostAsync("/api/v1/imports/preview?kind=Companies&mode=CreateOnly", again, Ct))
            .ReadAsync<ImportPreview>();
        Assert.True(preview.MappingRemembered);
        Assert.Equal(0, preview.Mapping["name"]);
        Assert.Equal([RowOutcome.Skipped, RowOutcome.Created], preview.Rows.Select(r => r.Outcome).ToArray());

        var updateOnly = await c.ImportAsync(rows, "b.csv", "kind=Companies&mode=UpdateOnly");
        Assert.Equal((0, 1, 1), (updateOnly.Created, updateOnly.Updated, updateOnly.Skipped));
        await using var db = app.CreateDbContext();
        var alpha = await db.Companies.SingleAsync(x => x.Domain == $"alpha-{tag}.example", Ct);
        Assert.Equal($"Alpha {tag} Renamed", alpha.Name);
        Assert.False(await db.Companies.AnyAsync(x => x.Domain == $"beta-{tag}.example", Ct));
        // A change an import makes to an existing record is stored field by field, naming that import.
        var change = await db.Activity.SingleAsync(a => a.EntityId == alpha.Id && a.BatchId == updateOnly.Id, Ct);
        Assert.Equal("updated", change.Action);
        Assert.Contains("import b.csv", change.ActorName);
        Assert.Contains($"Alpha {tag} Renamed", change.Changes);
        Assert.Equal(first.Id, alpha.ImportRunId);
    }

    [Fact]
    public async Task Company_files_keyed_on_phone_or_external_id_update_the_company_they_name()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = Unique(8);
        var phone = $"030 {Random.Shared.Next(2_000_000, 9_999_999)}";
        var first = await c.ImportAsync($"name,phone,external_id,country\nMesse {tag},{phone},erp-{tag},DE\n",
            "first.csv", "kind=Companies");
        Assert.Equal(1, first.Created);

        // Another name and no website: only the phone says which company this is.
        var byPhone = await c.ImportAsync($"name,phone,city,country\nMessebau {tag} Nord,{phone},Hamburg,DE\n",
            "phone.csv", "kind=Companies&matchKey=Phone");
        Assert.Equal((0, 1), (byPhone.Created, byPhone.Updated));
        var byExt = await c.ImportAsync($"name,external_id,city\nMesse {tag} GmbH,erp-{tag},Bremen\n", "ext.csv",
            "kind=Companies&matchKey=ExternalId");
        Assert.Equal((0, 1), (byExt.Created, byExt.Updated));

        await using var db = app.CreateDbContext();
        var company = await db.Companies.SingleAsync(x => x.ExternalId == $"erp-{tag}", Ct);
        Assert.Equal(($"Messe {tag} GmbH", "Bremen"), (company.Name, company.City));
        Assert.Equal(first.Id, company.ImportRunId);
        // Keyed on the domain (the default), the phone alone does not identify it.
        var byDomain = await c.ImportAsync($"name,phone,country\nGanz Anders {tag},{phone},DE\n", "domain.csv",
            "kind=Companies");
        Assert.Equal(1, byDomain.Created);
    }
}

[Collection(nameof(SqliteImports))]
public sealed class ImportMatchingSqliteTests(SqliteApp app) : ImportMatchingTests(app);

[Collection(nameof(PostgresImports))]
public sealed class ImportMatchingPostgresTests(PostgresApp app) : ImportMatchingTests(app);
