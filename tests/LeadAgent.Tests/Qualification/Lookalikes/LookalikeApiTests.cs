using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Features.Qualification;
using LeadAgent.Web.Features.Qualification.Lookalikes;
using LeadAgent.Web.Features.Qualification.Potential;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Tests.Qualification.Lookalikes;

/// <summary>
/// Lookalikes and potential over the API and the stored refresh, on SQLite and PostgreSQL. Each test makes its own
/// words (the app and database are shared with other tests) and its companies in New Zealand, where nobody else is.
/// </summary>
public abstract class LookalikeApiTests(AppFactory app)
{
    private sealed record World(string Word, CompanyRow[] Clients, CompanyRow Stranger, CompanyRow UsdClient,
        CompanyRow Prospect, CompanyRow Unlike, CompanyRow Archived);

    // Five Small resellers that share the test's words (annual EUR values 10,000…50,000), a client in USD only,
    // an unlike client elsewhere; a Medium prospect like them, an unlike prospect, and an archived lookalike.
    private async Task<World> SeedAsync(HttpClient c)
    {
        var word = "qz" + UniqueWord();
        var text = $"{word}messe {word}druck";
        CompanyInput Like(string name, SizeBand size) => Make.Company($"{name} {word}") with
        {
            Segment = Segment.Reseller,
            Country = "NZ",
            SizeBand = size,
            Industry = $"Werbemittel {text}",
            Tags = [$"{word}promo"],
        };
        var clients = new CompanyRow[5];
        for (var i = 0; i < clients.Length; i++)
        {
            clients[i] = await c.CreateAsync(Like($"Client {i}", SizeBand.Small));
            await OrderAsync(c, clients[i], (i + 1) * 10_000m, "EUR", "Lanyards");
        }
        var usd = await c.CreateAsync(Like("Dollar", SizeBand.Small));
        await OrderAsync(c, usd, 500_000m, "USD", "Pens");
        var stranger = await c.CreateAsync(Make.Company($"Zahnarzt {word}x") with
        {
            Segment = Segment.CorporateClient,
            Country = "FR",
            SizeBand = SizeBand.Enterprise,
            Industry = "Dental",
        });
        await OrderAsync(c, stranger, 1_000m, "EUR", "Mugs");
        var prospect = await c.CreateAsync(Like("Prospect", SizeBand.Medium));
        var unlike = await c.CreateAsync(Make.Company($"Hotel {word}y") with
        {
            Segment = Segment.Reseller,
            Country = "NZ",
            Industry = "Hotel Zimmer Frühstück",
        });
        var archived = await c.CreateAsync(Like("Archived", SizeBand.Medium));
        Assert.Equal(HttpStatusCode.OK,
            (await c.PostAsync($"/api/v1/companies/{archived.Id}/archive", null, Ct)).StatusCode);
        var ids = new[] { prospect.Id, unlike.Id, archived.Id, usd.Id, stranger.Id }
            .Concat(clients.Select(x => x.Id)).ToList();
        await using var db = app.CreateDbContext();
        await app.Services.GetRequiredService<CompanyLookalikes>()
            .RefreshAsync(db, db.Companies.Where(x => ids.Contains(x.Id)), Ct);
        return new World(word, clients, stranger, usd, prospect, unlike, archived);
    }

    private static async Task OrderAsync(HttpClient c, CompanyRow company, decimal total, string currency,
        string category) =>
        await c.CreateAsync(Make.Order(company) with
        {
            OrderedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-3),
            Currency = currency,
            Total = null,
            Lines = [new OrderLineInput("Item", category, 1, total)],
        });

    [Fact]
    public async Task Similar_clients_rank_above_dissimilar_ones_with_reasons_and_only_clients_come_back()
    {
        var c = await app.ClientAsync(Roles.Viewer);
        var w = await SeedAsync(await app.ClientAsync(Roles.Sales));

        var result = await c.GetJsonAsync<LookalikeResult>($"/api/v1/companies/{w.Prospect.Id}/lookalikes?k=50");

        var ids = result.Matches.Select(m => m.CompanyId).ToList();
        Assert.All(w.Clients, x => Assert.Contains(x.Id, ids));
        Assert.True(w.Clients.Max(x => ids.IndexOf(x.Id)) < ids.IndexOf(w.Stranger.Id) || !ids.Contains(w.Stranger.Id));
        Assert.DoesNotContain(w.Unlike.Id, ids);
        Assert.DoesNotContain(w.Archived.Id, ids);
        Assert.DoesNotContain(w.Prospect.Id, ids);
        var top = result.Matches.First(m => m.CompanyId == w.Clients[0].Id);
        Assert.InRange(top.Similarity, 0.5, 1);
        Assert.True(top.SameSegment);
        Assert.Equal(RegionMatch.SameCountry, top.Region);
        Assert.Contains(top.SharedTerms, t => t.StartsWith(w.Word, StringComparison.Ordinal));
        Assert.Equal(["Lanyards"], top.OrderCategories);
        Assert.Equal(10_000m, top.AnnualValue);
    }

    [Fact]
    public async Task Potential_comes_from_the_similar_clients_annual_values_scaled_by_size_and_is_stored()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var w = await SeedAsync(c);

        var p = await c.GetJsonAsync<PotentialEstimate>($"/api/v1/companies/{w.Prospect.Id}/potential");

        Assert.Equal("EUR", p.Currency);
        Assert.Equal(w.Clients.Select(x => x.Id).Order(), p.Basis.Select(b => b.CompanyId).Order());
        Assert.All(p.Basis, b => Assert.Equal(2.236, b.SizeFactor));
        Assert.Equal(Math.Round(20_000m * 2.236m), p.Low);
        Assert.Equal(Math.Round(40_000m * 2.236m), p.High);
        Assert.InRange(p.Expected!.Value, p.Low!.Value, p.High!.Value);

        await using var db = app.CreateDbContext();
        var fit = await db.CompanyFits.SingleAsync(f => f.CompanyId == w.Prospect.Id, Ct);
        Assert.Equal(p.Expected, fit.PotentialExpected);
        Assert.Equal(p.Low, fit.PotentialLow);
        Assert.Equal(p.High, fit.PotentialHigh);
        Assert.Equal("EUR", fit.PotentialCurrency);
        Assert.Contains(w.Clients[4].Id.ToString(), fit.PotentialBasis);
        Assert.Contains("sizeFactor", fit.PotentialBasis);
        Assert.InRange(fit.ClientSimilarity!.Value, 0, 1);
        var unlike = await db.CompanyFits.SingleAsync(f => f.CompanyId == w.Unlike.Id, Ct);
        Assert.True(unlike.ClientSimilarity < fit.ClientSimilarity);
        var archived = await db.CompanyFits.SingleAsync(f => f.CompanyId == w.Archived.Id, Ct);
        Assert.Null(archived.ClientSimilarity);
        Assert.Null(archived.PotentialExpected);
    }

    [Fact]
    public async Task Prospects_like_the_best_clients_are_ranked_without_clients_or_archived_ones()
    {
        var c = await app.ClientAsync(Roles.Viewer);
        var w = await SeedAsync(await app.ClientAsync(Roles.Sales));

        var rows = await c.GetJsonAsync<List<ProspectLookalike>>(
            "/api/v1/qualification/lookalikes?country=nz&segment=Reseller&limit=200");

        var ids = rows.Select(r => r.CompanyId).ToList();
        Assert.Contains(w.Prospect.Id, ids);
        Assert.DoesNotContain(w.Archived.Id, ids);
        Assert.DoesNotContain(w.Clients[0].Id, ids);
        Assert.True(ids.IndexOf(w.Prospect.Id) < ids.IndexOf(w.Unlike.Id) || !ids.Contains(w.Unlike.Id));
        Assert.Equal(rows.Select(r => r.ClientSimilarity).OrderDescending(), rows.Select(r => r.ClientSimilarity));
        var row = rows.Single(r => r.CompanyId == w.Prospect.Id);
        Assert.NotEmpty(row.LikeClients);
        Assert.Contains("same segment", row.Why);
    }

    [Fact]
    public async Task Leads_filter_and_sort_by_their_company_potential()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var w = await SeedAsync(c);
        var tag = w.Word;
        var rich = await c.CreateAsync(Make.Lead(w.Prospect) with { Tags = [tag] });
        var none = await c.CreateAsync(Make.Lead(await c.CreateAsync(Make.Company())) with { Tags = [tag] });
        var small = await c.CreateAsync(Make.Lead(w.Unlike) with { Tags = [tag] });

        var sorted = await c.GetJsonAsync<Page<LeadRow>>($"/api/v1/leads?tag={tag}&sort=-potential&limit=2");
        var next = await c.GetJsonAsync<Page<LeadRow>>(
            $"/api/v1/leads?tag={tag}&sort=-potential&limit=2&cursor={sorted.NextCursor}");
        var all = sorted.Items.Concat(next.Items).ToList();
        Assert.Equal(3, all.Count);
        Assert.Equal(rich.Id, all[0].Id);
        Assert.Contains(all, l => l.Id == small.Id);
        Assert.Null(all[^1].CompanyPotential);
        var known = all.TakeWhile(l => l.CompanyPotential is not null).Select(l => l.CompanyPotential!.Value).ToList();
        Assert.Equal(known.OrderDescending(), known);
        Assert.All(all.Skip(known.Count), l => Assert.Null(l.CompanyPotential));
        Assert.Contains(none.Id, all.Skip(known.Count).Select(l => l.Id));

        var min = all[0].CompanyPotential!.Value;
        var filtered = await c.GetJsonAsync<Page<LeadRow>>($"/api/v1/leads?tag={tag}&potentialMin={min}");
        Assert.Equal([rich.Id], filtered.Items.Select(l => l.Id));
        var bad = await c.GetAsync($"/api/v1/leads?potentialMin=-1", Ct);
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("potentialMin", out _));
    }

    [Fact]
    public async Task Bad_input_and_unknown_companies_get_problem_details()
    {
        var c = await app.ClientAsync(Roles.Viewer);
        var company = await (await app.ClientAsync(Roles.Sales)).CreateAsync(Make.Company());

        var k = await c.GetAsync($"/api/v1/companies/{company.Id}/lookalikes?k=0", Ct);
        Assert.True((await k.ProblemAsync()).GetProperty("errors").TryGetProperty("k", out _));
        var list = await c.GetAsync("/api/v1/qualification/lookalikes?limit=1000&segment=Nope&country=Deu", Ct);
        var errors = (await list.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("limit", out _));
        Assert.True(errors.TryGetProperty("segment", out _));
        Assert.True(errors.TryGetProperty("country", out _));
        Assert.Equal(HttpStatusCode.NotFound,
            (await c.GetAsync($"/api/v1/companies/{Guid.NewGuid()}/potential", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await c.GetAsync($"/api/v1/companies/{Guid.NewGuid()}/lookalikes", Ct)).StatusCode);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class LookalikeApiSqliteTests(SqliteApp app) : LookalikeApiTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class LookalikeApiPostgresTests(PostgresApp app) : LookalikeApiTests(app);
