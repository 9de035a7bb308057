using System.Net;
using LeadAgent.Tests.Infrastructure;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Api;

/// <summary>Orders, the order history of a client, and lead lists filtered and sorted by it; SQLite and PostgreSQL.</summary>
public abstract class OrderApiTests(AppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Orders_keep_exact_money_and_build_the_company_history()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await (await c.PostJsonAsync("/api/v1/companies", new CompanyInput { Name = "Order Co " + Guid.NewGuid().ToString("N")[..6] })).ReadAsync<CompanyRow>();
        var n = Guid.NewGuid().ToString("N")[..8];
        var first = await (await c.PostJsonAsync("/api/v1/orders", new OrderInput
        {
            CompanyId = company.Id,
            Number = $"A-{n}-1",
            OrderedOn = new DateOnly(2025, 3, 14),
            Currency = "eur",
            Lines = [new("Tote bag", "Bags", 3, 0.1m), new("Lanyard", "Badges", 1000, 0.35m), new("Badge", "Badges", 7, 1.005m)],
        })).ReadAsync<OrderDto>();
        Assert.Equal(0.30m + 350m + 7.04m, first.Total);
        Assert.Equal("EUR", first.Currency);
        await (await c.PostJsonAsync("/api/v1/orders", new OrderInput
        {
            CompanyId = company.Id,
            Number = $"A-{n}-2",
            OrderedOn = new DateOnly(2026, 6, 1),
            Currency = "EUR",
            Total = 1000.10m,
        })).ReadAsync<OrderDto>();
        await (await c.PostJsonAsync("/api/v1/orders", new OrderInput
        {
            CompanyId = company.Id,
            Number = $"A-{n}-3",
            OrderedOn = new DateOnly(2026, 7, 1),
            Status = OrderStatus.Cancelled,
            Total = 99m,
        })).ReadAsync<OrderDto>();

        var summary = await (await c.GetAsync($"/api/v1/companies/{company.Id}/orders/summary", Ct)).ReadAsync<OrderSummary>();
        Assert.Equal(2, summary.OrderCount);
        Assert.Equal(new DateOnly(2025, 3, 14), summary.FirstOrderOn);
        Assert.Equal(new DateOnly(2026, 6, 1), summary.LastOrderOn);
        Assert.Equal(1357.44m, Assert.Single(summary.TotalByCurrency).Amount);
        Assert.Equal(678.72m, Assert.Single(summary.AverageByCurrency).Amount);
        Assert.Equal(["2025", "2026"], summary.TotalByYear.Select(y => y.Key).ToArray());
        Assert.Equal("Badges", summary.TotalByCategory[0].Key);
        Assert.Equal(357.04m, summary.TotalByCategory[0].Amount);

        var duplicate = await c.PostJsonAsync("/api/v1/orders", new OrderInput { CompanyId = company.Id, Number = $"A-{n}-1", OrderedOn = new DateOnly(2026, 1, 1), Total = 1 });
        Assert.True((await duplicate.ProblemAsync()).GetProperty("errors").TryGetProperty("number", out _));
        var bad = await c.PostJsonAsync("/api/v1/orders", new OrderInput { CompanyId = company.Id, Number = "X", Lines = [new("", null, -1, null)] });
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        foreach (var field in new[] { "orderedOn", "lines[0].product", "lines[0].quantity", "lines[0].unitPrice" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var timeline = await (await c.GetAsync($"/api/v1/companies/{company.Id}/timeline", Ct)).ReadAsync<Page<LeadAgent.Web.Features.Activity.ActivityDto>>();
        Assert.Equal(3, timeline.Items.Count(e => e.Action == "order-added"));
    }

    [Fact]
    public async Task Leads_filter_and_sort_by_their_company_order_history()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var tag = "ord" + Guid.NewGuid().ToString("N")[..6];
        var expected = new List<(string Title, decimal Total)>();
        for (var i = 0; i < 4; i++)
        {
            var company = await (await c.PostJsonAsync("/api/v1/companies", new CompanyInput { Name = $"{tag} client {i}" })).ReadAsync<CompanyRow>();
            for (var k = 0; k < i; k++)
            {
                await (await c.PostJsonAsync("/api/v1/orders", new OrderInput
                {
                    CompanyId = company.Id,
                    Number = $"{tag}-{i}-{k}",
                    OrderedOn = new DateOnly(2024 + k, 5, 1),
                    Total = 100.5m * (i + k),
                })).ReadAsync<OrderDto>();
            }
            await c.PostJsonAsync("/api/v1/leads", new LeadInput { Title = $"{tag} lead {i}", CompanyId = company.Id, Tags = [tag], ExpectedValue = 10.25m * i });
        }

        var buyers = await (await c.GetAsync($"/api/v1/leads?tag={tag}&hasOrders=true&sort=-orderTotal", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal([$"{tag} lead 3", $"{tag} lead 2", $"{tag} lead 1"], buyers.Items.Select(l => l.Title).ToArray());
        Assert.Equal(100.5m * 3 + 100.5m * 4 + 100.5m * 5, buyers.Items[0].CompanyOrderTotal);
        var never = await (await c.GetAsync($"/api/v1/leads?tag={tag}&hasOrders=false", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal($"{tag} lead 0", Assert.Single(never.Items).Title);
        var lapsed = await (await c.GetAsync($"/api/v1/leads?tag={tag}&lastOrderBefore=2025-01-01", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal($"{tag} lead 1", Assert.Single(lapsed.Items).Title);
        var byValue = await (await c.GetAsync($"/api/v1/leads?tag={tag}&sort=-expectedValue&limit=2", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal([30.75m, 20.50m], byValue.Items.Select(l => l.ExpectedValue!.Value).ToArray());
        var byValueNext = await (await c.GetAsync($"/api/v1/leads?tag={tag}&sort=-expectedValue&limit=2&cursor={byValue.NextCursor}", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal([10.25m, 0m], byValueNext.Items.Select(l => l.ExpectedValue!.Value).ToArray());
        var byLast = await (await c.GetAsync($"/api/v1/leads?tag={tag}&sort=-lastOrderOn", Ct)).ReadAsync<Page<LeadRow>>();
        Assert.Equal($"{tag} lead 0", byLast.Items[^1].Title);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync($"/api/v1/orders?companyId={buyers.Items[0].CompanyId}&limit=1", Ct)).StatusCode);
    }
}

public sealed class OrderApiSqliteTests(SqliteApp app) : OrderApiTests(app), IClassFixture<SqliteApp>;

public sealed class OrderApiPostgresTests(PostgresApp app) : OrderApiTests(app), IClassFixture<PostgresApp>;
