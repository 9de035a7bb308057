using System.Text.RegularExpressions;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Data;

/// <summary>
/// Imports write new rows with their own SQLite binding (positional, pre-encoded) instead of EF's parameters. Every
/// column of every table they write must read back exactly as if SaveChanges had written it: same storage class, same
/// text.
/// </summary>
[Collection(nameof(SqliteCrm))]
public sealed partial class BulkInsertTests(SqliteApp app)
{
    // Keys, references and the save time differ between the two copies by design; their form must still be the same.
    private static readonly HashSet<string> DiffersByDesign =
    [
        "Id", "CompanyId", "ContactId", "PrimaryContactId", "OrderId", "EntityId", "BatchId", "Domain", "Website",
        "Number", "UpdatedAt",
    ];

    [Fact]
    public async Task Rows_written_in_bulk_read_back_exactly_like_rows_written_by_SaveChanges()
    {
        var viaEf = Sample("a1");
        await using (var db = app.CreateDbContext())
        {
            db.AddRange(viaEf.Company, viaEf.Contact, viaEf.Lead, viaEf.Order, viaEf.Activity);
            await db.SaveChangesAsync(Ct);
        }
        var inBulk = Sample("b2");
        await using (var db = app.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync(Ct);
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            await db.SaveChangesBulkAsync(
                [
                    [inBulk.Company], [inBulk.Contact], [inBulk.Contact.Identities[0]], [inBulk.Lead], [inBulk.Order],
                    [inBulk.Order.Lines[0]],
                ], Ct);
            await BulkInsert.WriteAsync(db, [inBulk.Activity], Ct);
            await tx.CommitAsync(Ct);
        }

        await using var check = app.CreateDbContext();
        var connection = check.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var compared = 0;
        foreach (var (table, key, efId, bulkId) in new (string, string, object, object)[]
        {
            ("Companies", "Id", viaEf.Company.Id, inBulk.Company.Id),
            ("Contacts", "Id", viaEf.Contact.Id, inBulk.Contact.Id),
            ("ContactIdentities", "Id", viaEf.Contact.Identities[0].Id, inBulk.Contact.Identities[0].Id),
            ("Leads", "Id", viaEf.Lead.Id, inBulk.Lead.Id),
            ("Orders", "Id", viaEf.Order.Id, inBulk.Order.Id),
            ("OrderLine", "Id", viaEf.Order.Lines[0].Id, inBulk.Order.Lines[0].Id),
            ("ActivityLog", "EntityId", viaEf.Activity.EntityId, inBulk.Activity.EntityId),
        })
        {
            var ef = await RowAsync(connection, table, key, efId);
            var bulk = await RowAsync(connection, table, key, bulkId);
            Assert.Equal(ef.Keys.Order(), bulk.Keys.Order());
            foreach (var column in ef.Keys.Where(c => c != "Id" || table != "ActivityLog"))
            {
                var (efType, efText) = ef[column];
                var (bulkType, bulkText) = bulk[column];
                Assert.True(efType == bulkType, $"{table}.{column}: stored as {bulkType}, SaveChanges stores {efType}");
                var (expected, actual) = DiffersByDesign.Contains(column)
                    ? (Shape(efText), Shape(bulkText))
                    : (efText, bulkText);
                Assert.True(expected == actual,
                    $"{table}.{column}: {bulkText} written in bulk, {efText} by SaveChanges");
                compared++;
            }
        }
        Assert.True(compared > 70, $"only {compared} columns compared");
    }

    [Fact]
    public async Task Consecutive_rows_keep_their_own_values_where_the_previous_row_had_the_same_or_none()
    {
        // The binding skips NULLs already in place and reuses the last JSON of equal collections: each row must still
        // read back with exactly its own values.
        var tag = Guid.NewGuid().ToString("N")[..8];
        (List<string> Tags, string? City, Dictionary<string, string> Fields, string? Phone)[] rows =
        [
            (["messe"], null, [], null),
            (["messe"], "Köln", new() { ["vip"] = "ja" }, "+4922112345"),
            (["messe", "2026"], null, new() { ["vip"] = "ja" }, null),
            ([], null, new() { ["vip"] = "nein" }, null),
            (["2026", "messe"], "Berlin", [], "+4930123456"),
            (["2026", "messe"], "Berlin", [], null),
            ([], null, [], null),
        ];
        var companies = rows.Select((r, i) => new Company
        {
            Name = $"Folge {tag} {i}",
            Domain = $"{tag}-{i}.example",
            Tags = r.Tags,
            City = r.City,
            CustomFields = r.Fields,
            Phone = r.Phone,
        }).ToList();
        await using (var db = app.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync(Ct);
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            await db.SaveChangesBulkAsync([companies], Ct);
            await tx.CommitAsync(Ct);
        }

        await using var check = app.CreateDbContext();
        var ids = companies.Select(c => c.Id).ToList();
        var stored = await check.Companies.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, Ct);
        for (var i = 0; i < rows.Length; i++)
        {
            var c = stored[companies[i].Id];
            Assert.Equal(rows[i].Tags, c.Tags);
            Assert.Equal(rows[i].City, c.City);
            Assert.Equal(rows[i].Fields, c.CustomFields);
            Assert.Equal(rows[i].Phone, c.Phone);
        }
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_the_batch_with_the_database_s_reason()
    {
        var first = Sample("c3").Company;
        var clash = Sample("c3").Company;
        await using var db = app.CreateDbContext();
        await db.Database.OpenConnectionAsync(Ct);
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesBulkAsync([[first, clash]], Ct));
        Assert.Contains("UNIQUE constraint failed: Companies.Domain", e.Message);
        await tx.RollbackAsync(Ct);
        Assert.False(await db.Companies.AnyAsync(c => c.Id == first.Id, Ct));
    }

    private static async Task<Dictionary<string, (string Type, string Text)>> RowAsync(
        System.Data.Common.DbConnection connection, string table, string key, object id)
    {
        await using var names = connection.CreateCommand();
        names.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
        var columns = new List<string>();
        await using (var reader = await names.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                columns.Add(reader.GetString(0));
            }
        }
        await using var select = connection.CreateCommand();
        var values = string.Join(", ", columns.Select(c => $"typeof(\"{c}\"), quote(\"{c}\")"));
        select.CommandText = $"SELECT {values} FROM \"{table}\" WHERE \"{key}\" = @id";
        var p = select.CreateParameter();
        p.ParameterName = "@id";
        p.Value = id.ToString()!.ToUpperInvariant();
        select.Parameters.Add(p);
        await using var row = await select.ExecuteReaderAsync(Ct);
        Assert.True(await row.ReadAsync(Ct), $"no {table} row {id}");
        return columns.Select((c, i) => (c, (row.GetString(2 * i), row.GetString(2 * i + 1))))
            .ToDictionary(x => x.c, x => x.Item2);
    }

    // Runs of digits and hex letters become one 9 ("'2026-11-30 21:07:54.74'" → "'9-9-9 9:9:9.9'"): only the form is
    // compared.
    private static string Shape(string text) => HexOrDigit().Replace(text, "9");

    [GeneratedRegex("[0-9A-Fa-f]+")]
    private static partial Regex HexOrDigit();

    private static (Company Company, Contact Contact, Lead Lead, Order Order, ActivityEntry Activity) Sample(string tag)
    {
        var created = new DateTime(2026, 11, 30, 21, 7, 54, 744, DateTimeKind.Utc).AddTicks(3645);
        var company = new Company
        {
            Name = "Müller & Söhne GmbH 🎉",
            LegalName = "",
            Website = $"https://{tag}.mueller.example/kontakt",
            Domain = $"{tag}.mueller.example",
            Country = "DE",
            City = "Köln",
            Segment = Segment.EventAgency,
            SizeBand = SizeBand.Small,
            Tags = ["messe", "2026"],
            CustomFields = new() { ["vip"] = "ja" },
            Phone = "+4922112345",
            RegistrationId = "DE123",
            ExternalId = "ext-1",
            OrderCount = 3,
            FirstOrderOn = new DateOnly(2024, 2, 29),
            OrderTotal = 1234.5m,
            CreatedAt = created,
            ImportRunId = Guid.Parse("01a22e49-1b23-728f-81ae-f62b97fd280d"),
        };
        var contact = new Contact
        {
            FirstName = "Anna",
            LastName = "Schmidt",
            Role = null,
            CompanyId = company.Id,
            Tags = [],
            CreatedAt = created,
        };
        contact.Identities.Add(new ContactIdentity
        {
            ContactId = contact.Id,
            Kind = IdentityKind.Email,
            Value = "anna@mueller.example",
            IsPrimary = true,
        });
        var lead = new Lead
        {
            Title = "Badges \"2026\"",
            CompanyId = company.Id,
            PrimaryContactId = contact.Id,
            Status = LeadStatus.Qualified,
            Source = LeadSource.Import,
            Score = 87,
            Classification = Classification.Hot,
            ExpectedValue = 0.50m,
            Currency = "EUR",
            NextActionOn = new DateOnly(2026, 12, 24),
            Tags = ["fair"],
            ExternalId = null,
            StatusChangedAt = created.AddTicks(1),
            CreatedAt = created,
        };
        var order = new Order
        {
            CompanyId = company.Id,
            Number = $"A-{tag}",
            OrderedOn = new DateOnly(2025, 1, 31),
            Status = OrderStatus.Invoiced,
            Total = 99999999.9999m,
            CreatedAt = created,
        };
        order.Lines.Add(new OrderLine
        {
            OrderId = order.Id,
            Product = "Lanyard",
            Category = "Textil",
            Quantity = 2.5m,
            UnitPrice = 0.0001m,
            LineTotal = 0.00025m,
        });
        var activity = new ActivityEntry
        {
            OccurredAt = created,
            ActorKind = ActorKind.User,
            ActorId = "u1",
            ActorName = "anna@example.com (import x.csv)",
            Action = "updated",
            EntityType = "Company",
            EntityId = Guid.NewGuid(),
            EntityLabel = "Müller",
            Changes = "{\"name\":{\"from\":\"a\",\"to\":\"b\"}}",
            BatchId = Guid.NewGuid(),
        };
        return (company, contact, lead, order, activity);
    }
}
