using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Money;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Tests.Money;

/// <summary>
/// The workspace currency and dated rates through the API (roles, field errors, versions), conversion at the rate
/// valid on a date, and the lead list sorted by the converted value; SQLite and PostgreSQL. The app is shared, so
/// each test removes its rates again.
/// </summary>
public abstract class ExchangeRateTests(AppFactory app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<ExchangeRateDto> AddAsync(HttpClient admin, string currency, decimal rate,
        DateOnly from)
    {
        var response = await admin.PostJsonAsync("/api/v1/exchange-rates",
            new ExchangeRateInput { Currency = currency, Rate = rate, ValidFrom = from });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return await response.ReadAsync<ExchangeRateDto>();
    }

    private static async Task RemoveAllAsync(HttpClient admin, params string[] currencies)
    {
        foreach (var rate in await admin.GetJsonAsync<List<ExchangeRateDto>>("/api/v1/exchange-rates"))
        {
            if (currencies.Contains(rate.Currency))
            {
                await admin.DeleteAsync($"/api/v1/exchange-rates/{rate.Id}", Ct);
            }
        }
    }

    [Fact]
    public async Task Admins_maintain_dated_rates_others_read_and_bad_input_gets_field_errors()
    {
        var (admin, sales, viewer) = (await app.ClientAsync(Roles.Admin), await app.ClientAsync(Roles.Sales),
            await app.ClientAsync(Roles.Viewer));
        try
        {
            var currency = await viewer.GetJsonAsync<WorkspaceCurrencyDto>("/api/v1/workspace/currency");
            Assert.Equal(("EUR", "EUR"), (currency.Currency, currency.Configured));
            Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostJsonAsync("/api/v1/exchange-rates",
                new ExchangeRateInput { Currency = "USD", Rate = 0.9m })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await sales.PutJsonAsync("/api/v1/workspace/currency",
                new WorkspaceCurrencyInput("USD"))).StatusCode);

            var bad = await admin.PostJsonAsync("/api/v1/exchange-rates",
                new ExchangeRateInput { Currency = "XYZ", Rate = -1m });
            var errors = (await bad.ProblemAsync()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("currency", out _));
            Assert.True(errors.TryGetProperty("rate", out _));
            var own = await admin.PostJsonAsync("/api/v1/exchange-rates",
                new ExchangeRateInput { Currency = "eur", Rate = 1m });
            Assert.True((await own.ProblemAsync()).GetProperty("errors").TryGetProperty("currency", out _));
            var badCurrency = await admin.PutJsonAsync("/api/v1/workspace/currency", new WorkspaceCurrencyInput("E1"));
            Assert.True((await badCurrency.ProblemAsync()).GetProperty("errors").TryGetProperty("currency", out _));

            var usd = await AddAsync(admin, "usd", 0.9m, new DateOnly(2026, 1, 1));
            Assert.Equal(("USD", "EUR", true), (usd.Currency, usd.BaseCurrency, usd.InUse));
            var twice = await admin.PostJsonAsync("/api/v1/exchange-rates",
                new ExchangeRateInput { Currency = "USD", Rate = 0.8m, ValidFrom = new DateOnly(2026, 1, 1) });
            Assert.True((await twice.ProblemAsync()).GetProperty("errors").TryGetProperty("validFrom", out _));

            var changed = await (await admin.PutJsonAsync($"/api/v1/exchange-rates/{usd.Id}", new ExchangeRateInput
            {
                Currency = "USD",
                Rate = 0.92m,
                ValidFrom = new DateOnly(2026, 1, 1),
                Version = usd.Version,
            })).ReadAsync<ExchangeRateDto>();
            Assert.Equal(0.92m, changed.Rate);
            var stale = await admin.PutJsonAsync($"/api/v1/exchange-rates/{usd.Id}", new ExchangeRateInput
            {
                Currency = "USD",
                Rate = 0.5m,
                ValidFrom = new DateOnly(2026, 1, 1),
                Version = usd.Version,
            });
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            var listed = await viewer.GetJsonAsync<List<ExchangeRateDto>>("/api/v1/exchange-rates");
            Assert.Equal(0.92m, Assert.Single(listed, r => r.Id == usd.Id).Rate);

            Assert.Equal(HttpStatusCode.Forbidden,
                (await sales.DeleteAsync($"/api/v1/exchange-rates/{usd.Id}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent,
                (await admin.DeleteAsync($"/api/v1/exchange-rates/{usd.Id}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await admin.DeleteAsync($"/api/v1/exchange-rates/{usd.Id}", Ct)).StatusCode);
        }
        finally
        {
            await RemoveAllAsync(admin, "USD");
        }
    }

    [Fact]
    public async Task Amounts_convert_at_the_latest_rate_not_after_the_date_and_missing_rates_are_reported()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        try
        {
            await AddAsync(admin, "CHF", 1.1m, new DateOnly(2026, 1, 1));
            await AddAsync(admin, "CHF", 1.2m, new DateOnly(2026, 6, 1));
            await using var db = app.CreateDbContext();
            var converter = await CurrencyConverter.LoadAsync(db, new CrmOptions(), Ct);
            Assert.Null(converter.RateOn("CHF", new DateOnly(2025, 12, 31)));
            Assert.Equal(1.1m, converter.RateOn("CHF", new DateOnly(2026, 5, 31)));
            Assert.Equal(1.2m, converter.RateOn("CHF", new DateOnly(2026, 6, 1)));
            Assert.Equal(100m, converter.Convert(100m, "EUR", Today));
            Assert.Null(converter.Convert(100m, "SEK", Today));
            var total = converter.Sum([(100m, "EUR"), (100m, "CHF"), (50m, "SEK"), (5m, "SEK")],
                new DateOnly(2026, 7, 1));
            Assert.Equal((220m, "EUR", 2), (total.Value, total.Currency, total.Unconverted));
            Assert.Equal(new[] { "SEK" }, total.MissingRates);

            // Rates into a former workspace currency are kept but not used.
            var usd = await (await admin.PutJsonAsync("/api/v1/workspace/currency", new WorkspaceCurrencyInput("usd")))
                .ReadAsync<WorkspaceCurrencyDto>();
            Assert.Equal(("USD", true), (usd.Currency, usd.FromSetting));
            var inUsd = await CurrencyConverter.LoadAsync(db, new CrmOptions(), Ct);
            Assert.Null(inUsd.RateOn("CHF", Today));
            Assert.Null(inUsd.Convert(1m, "EUR", Today));
            Assert.All((await admin.GetJsonAsync<List<ExchangeRateDto>>("/api/v1/exchange-rates"))
                .Where(r => r.Currency == "CHF"), r => Assert.False(r.InUse));
        }
        finally
        {
            await admin.PutJsonAsync("/api/v1/workspace/currency", new WorkspaceCurrencyInput("EUR"));
            await RemoveAllAsync(admin, "CHF");
        }
    }

    [Fact]
    public async Task Lead_list_sorts_by_value_in_the_workspace_currency_with_unconvertible_leads_last()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        try
        {
            await AddAsync(admin, "GBP", 2m, new DateOnly(2020, 1, 1));
            await AddAsync(admin, "GBP", 100m, Today.AddDays(30)); // not valid yet
            var company = await admin.CreateAsync(Make.Company());
            async Task<Guid> Lead(string title, decimal? value, string currency) =>
                (await admin.CreateAsync(Make.Lead(company, title) with
                {
                    ExpectedValue = value,
                    Currency = currency,
                })).Id;
            var euros = await Lead("1,500 EUR", 1500m, "EUR");
            var pounds = await Lead("1,000 GBP = 2,000 EUR", 1000m, "GBP");
            var small = await Lead("100 GBP = 200 EUR", 100m, "GBP");
            var noRate = await Lead("9,000 NOK without a rate", 9000m, "NOK");
            var none = await Lead("no value", null, "EUR");

            async Task<List<Guid>> SortedAsync(string sort)
            {
                var ids = new List<Guid>();
                string? cursor = null;
                do
                {
                    var page = await admin.GetJsonAsync<Page<LeadRow>>(
                        $"/api/v1/leads?companyId={company.Id}&sort={sort}&limit=2"
                        + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
                    ids.AddRange(page.Items.Select(l => l.Id));
                    cursor = page.NextCursor;
                }
                while (cursor is not null);
                return ids;
            }
            var desc = await SortedAsync("-expectedValue");
            Assert.Equal(new[] { pounds, euros, small }, desc.Take(3));
            Assert.Equal(new[] { noRate, none }.Order(), desc.Skip(3).Order());
            var asc = await SortedAsync("expectedValue");
            Assert.Equal(new[] { small, euros, pounds }, asc.Take(3));
            Assert.Equal(new[] { noRate, none }.Order(), asc.Skip(3).Order());
        }
        finally
        {
            await RemoveAllAsync(admin, "GBP");
        }
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class ExchangeRateSqliteTests(SqliteApp app) : ExchangeRateTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class ExchangeRatePostgresTests(PostgresApp app) : ExchangeRateTests(app);
