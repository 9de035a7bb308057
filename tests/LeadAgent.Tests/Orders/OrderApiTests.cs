using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Orders;

/// <summary>
/// Orders, the order history of a client, and lead lists filtered and sorted by it; SQLite and PostgreSQL.
/// </summary>
public abstract class OrderApiTests(AppFactory app)
{
    [Fact]
    public async Task Orders_keep_exact_money_and_build_the_company_history()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(new CompanyInput { Name = "Order Co " + Unique() });
        var n = Unique(8);
        var first = await c.CreateAsync(Make.Order(company, $"A-{n}-1") with
        {
            OrderedOn = new DateOnly(2025, 3, 14),
            Currency = "eur",
            Total = null,
            Lines =
            [
                new("Tote bag", "Bags", 3, 0.1m),
                new("Lanyard", "Badges", 1000, 0.35m),
                new("Badge", "Badges", 7, 1.005m),
            ],
        });
        Assert.Equal(0.30m + 350m + 7.04m, first.Total);
        Assert.Equal("EUR", first.Currency);
        await c.CreateAsync(Make.Order(company, $"A-{n}-2") with
        {
            OrderedOn = new DateOnly(2026, 6, 1),
            Currency = "EUR",
            Total = 1000.10m,
        });
        await c.CreateAsync(Make.Order(company, $"A-{n}-3") with
        {
            OrderedOn = new DateOnly(2026, 7, 1),
            Status = OrderStatus.Cancelled,
            Total = 99m,
        });

        var summary = await (await c.GetAsync($"/api/v1/companies/{company.Id}/orders/summary", Ct))
            .ReadAsync<OrderSummary>();
        Assert.Equal(2, summary.OrderCount);
        Assert.Equal(new DateOnly(2025, 3, 14), summary.FirstOrderOn);
        Assert.Equal(new DateOnly(2026, 6, 1), summary.LastOrderOn);
        Assert.Equal(1357.44m, Assert.Single(summary.TotalByCurrency).Amount);
        Assert.Equal(678.72m, Assert.Single(summary.AverageByCurrency).Amount);
        Assert.Equal(["2025", "2026"], summary.TotalByYear.Select(y => y.Key).ToArray());
        Assert.Equal("Badges", summary.TotalByCategory[0].Key);
        Assert.Equal(357.04m, summary.TotalByCategory[0].Amount);

        var duplicate = await c.PostJsonAsync("/api/v1/orders", new OrderInput
        {
            CompanyId = company.Id,
            Number = $"A-{n}-1",
            OrderedOn = new DateOnly(2026, 1, 1),
            Total = 1,
        });
        Assert.True((await duplicate.ProblemAsync()).GetProperty("errors").TryGetProperty("number", out _));
        var bad = await c.PostJsonAsync("/api/v1/orders",
            new OrderInput { CompanyId = company.Id, Number = "X", Lines = [new("", null, -1, null)] });
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        foreach (var field in new[] { "orderedOn", "lines[0].product", "lines[0].quantity", "lines[0].unitPrice" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var timeline = await (await c.GetAsync($"/api/v1/companies/{company.Id}/timeline", Ct))
            .ReadAsync<Page<ActivityDto>>();
        Assert.Equal(3, timeline.Items.Count(e => e.Action == "order-added"));
    }

    [Fact]
    public async Task Leads_filter_and_sort_by_their_company_order_history()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "ord" + Unique();
        for (var i = 0; i < 4; i++)
        {
            var company = await c.CreateAsync(new CompanyInput { Name = $"{tag} client {i}" });
            for (var k = 0; k < i; k++)
            {
                await c.CreateAsync(Make.Order(company, $"{tag}-{i}-{k}") with
                {
                    OrderedOn = new DateOnly(2024 + k, 5, 1),
                    Total = 100.5m * (i + k),
                });
            }
            await c.PostJsonAsync("/api/v1/leads",
                Make.Lead(company, $"{tag} lead {i}") with { Tags = [tag], ExpectedValue = 10.25m * i });
        }

        var buyers = await LeadsAsync(c, $"tag={tag}&hasOrders=true&sort=-orderTotal");
        Assert.Equal([$"{tag} lead 3", $"{tag} lead 2", $"{tag} lead 1"], buyers.Items.Select(l => l.Title).ToArray());
        Assert.Equal(100.5m * 3 + 100.5m * 4 + 100.5m * 5, buyers.Items[0].CompanyOrderTotal);
        var never = await LeadsAsync(c, $"tag={tag}&hasOrders=false");
        Assert.Equal($"{tag} lead 0", Assert.Single(never.Items).Title);
        var lapsed = await LeadsAsync(c, $"tag={tag}&lastOrderBefore=2025-01-01");
        Assert.Equal($"{tag} lead 1", Assert.Single(lapsed.Items).Title);
        var byValue = await LeadsAsync(c, $"tag={tag}&sort=-expectedValue&limit=2");
        Assert.Equal([30.75m, 20.50m], byValue.Items.Select(l => l.ExpectedValue!.Value).ToArray());
        var byValueNext = await LeadsAsync(c, $"tag={tag}&sort=-expectedValue&limit=2&cursor={byValue.NextCursor}");
        Assert.Equal([10.25m, 0m], byValueNext.Items.Select(l => l.ExpectedValue!.Value).ToArray());
        var byLast = await LeadsAsync(c, $"tag={tag}&sort=-lastOrderOn");
        Assert.Equal($"{tag} lead 0", byLast.Items[^1].Title);
        Assert.Equal(HttpStatusCode.OK,
            (await c.GetAsync($"/api/v1/orders?companyId={buyers.Items[0].CompanyId}&limit=1", Ct)).StatusCode);
    }

    private static async Task<Page<LeadRow>> LeadsAsync(HttpClient c, string query) =>
        await (await c.GetAsync("/api/v1/leads?" + query, Ct)).ReadAsync<Page<LeadRow>>();
}

[Collection(nameof(SqliteCrm))]
public sealed class OrderApiSqliteTests(SqliteApp app) : OrderApiTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class OrderApiPostgresTests(PostgresApp app) : OrderApiTests(app);
