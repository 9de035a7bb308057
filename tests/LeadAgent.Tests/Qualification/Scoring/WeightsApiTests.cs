using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification;
using LeadAgent.Web.Features.Qualification.Scoring;
using LeadAgent.Web.Features.Qualification.Versions;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Qualification.Scoring;

/// <summary>Weights through the API: versions, admins only, validation, the rescore a save queues; scores.</summary>
public abstract class WeightsApiTests(AppFactory app)
{
    private const string Url = "/api/v1/qualification/weights";

    [Fact]
    public async Task Weights_are_versioned_saved_by_admins_only_validated_and_rescore_every_lead()
    {
        var sales = await app.ClientAsync(Roles.Sales);
        var admin = await app.ClientAsync(Roles.Admin);
        var lead = await RescoreTests.LeadWithFitAsync(app, sales, fit: 100, similarity: 1.0, potential: null);
        var current = await sales.GetJsonAsync<WeightsDto>(Url);
        var proposed = ScoreWeights.Default with { IcpFit = 35, OrderPotential = 0 };

        var denied = await sales.PutJsonAsync(Url, new WeightsInput(proposed, "Try"));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await sales.PostJsonAsync($"{Url}/preview", proposed)).StatusCode);

        var bad = await admin.PutJsonAsync(Url,
            new WeightsInput(proposed with { Engagement = 40, HotAt = 30, WarmAt = 50 }, "Bad"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("weights.factors", out _));
        Assert.True(errors.TryGetProperty("weights.hotAt", out _));
        var missing = await admin.PutJsonAsync(Url, new WeightsInput(null, null));
        Assert.True((await missing.ProblemAsync()).GetProperty("errors").TryGetProperty("weights", out _));

        var saved = await (await admin.PutJsonAsync(Url, new WeightsInput(proposed, "More on ICP fit")))
            .ReadAsync<WeightsSaved>();
        Assert.Equal(current.Version + 1, saved.Version);
        Assert.True(saved.LeadsToRescore >= 1);
        await app.WorkAllAsync();

        var now = await sales.GetJsonAsync<WeightsDto>(Url);
        Assert.Equal((saved.Version, 35), (now.Version, now.Weights.IcpFit));
        var versions = await sales.GetJsonAsync<List<VersionInfo>>($"{Url}/versions");
        Assert.Equal("More on ICP fit", versions.First(v => v.Number == saved.Version).Note);
        Assert.Equal(35, (await sales.GetJsonAsync<WeightsDto>($"{Url}/versions/{saved.Version}")).Weights.IcpFit);
        Assert.Equal(25, (await sales.GetJsonAsync<WeightsDto>($"{Url}/versions/0")).Weights.IcpFit);
        Assert.Equal(HttpStatusCode.NotFound, (await sales.GetAsync($"{Url}/versions/9999", Ct)).StatusCode);

        // The save queued a sweep, which judged the company again (its real fit now) and rescored the lead with the
        // new version.
        var score = await sales.GetJsonAsync<LeadScoreView>($"/api/v1/leads/{lead.Id}/score");
        Assert.Equal(score.Current.Score, score.Score);
        Assert.Equal(35, score.Current.Factors.Single(f => f.Key == ScoreFactorKeys.IcpFit).Max);
        Assert.Equal(saved.Version, score.MadeBy!.WeightsVersion);
        Assert.Equal(saved.Version, score.History[^1].WeightsVersion);
        await using var db = app.CreateDbContext();
        var fit = await db.CompanyFits.AsNoTracking().SingleAsync(f => f.CompanyId == lead.CompanyId, Ct);
        Assert.Equal(fit.IcpVersion, score.MadeBy.IcpVersion);
    }

    [Fact]
    public async Task A_leads_score_shows_its_factors_and_history()
    {
        var sales = await app.ClientAsync(Roles.Sales);
        var lead = await RescoreTests.LeadWithFitAsync(app, sales, fit: 60, similarity: 0.5, potential: 25_000m);
        await using (var db = app.CreateDbContext())
        {
            await LeadScoring.RescoreAsync(db, [lead.Id], Ct);
        }
        var view = await sales.GetJsonAsync<LeadScoreView>($"/api/v1/leads/{lead.Id}/score");
        Assert.Equal(7, view.Current.Factors.Count);
        Assert.Equal(view.Score, view.Current.Score);
        Assert.Equal("Fit score 60 of 100 against the ICP",
            view.Current.Factors.Single(f => f.Key == ScoreFactorKeys.IcpFit).Detail);
        var point = Assert.Single(view.History);
        Assert.Equal((view.Score, view.Band), (point.Score, point.Band));
        Assert.Equal(HttpStatusCode.NotFound,
            (await sales.GetAsync($"/api/v1/leads/{Guid.NewGuid()}/score", Ct)).StatusCode);
    }
}

public sealed class WeightsApiSqliteTests(SqliteApp app) : WeightsApiTests(app), IClassFixture<SqliteApp>;

public sealed class WeightsApiPostgresTests(PostgresApp app) : WeightsApiTests(app), IClassFixture<PostgresApp>;

/// <summary>The preview over an app of its own, so the open leads are exactly the test's.</summary>
public abstract class WeightsPreviewTests(AppFactory app)
{
    [Fact]
    public async Task Preview_counts_band_moves_and_the_score_distribution_without_saving()
    {
        var sales = await app.ClientAsync(Roles.Sales);
        var admin = await app.ClientAsync(Roles.Admin);
        // Default weights: ICP share of the fit + segment 0.9 → 9 + completeness (country only) 0.8.
        var a = await RescoreTests.LeadWithFitAsync(app, sales, 90, 0, null, value: null);  // 22.5+9.8 → 32 cold
        await RescoreTests.LeadWithFitAsync(app, sales, 50, 0, null, value: null);  // 12.5+9.8 → 22 cold
        await RescoreTests.LeadWithFitAsync(app, sales, 10, 0, null, value: null);  // 2.5+9.8 → 12 cold
        await RescoreTests.LeadWithFitAsync(app, sales, 90, 0, null, LeadStatus.Lost, null);  // not open
        // Everything on ICP fit: the score is the fit score.
        var allFit = ScoreWeights.Default with
        {
            IcpFit = 100,
            SegmentConfidence = 0,
            Engagement = 0,
            OrderHistory = 0,
            ClientSimilarity = 0,
            OrderPotential = 0,
            DataCompleteness = 0,
        };
        var response = await admin.PostJsonAsync("/api/v1/qualification/weights/preview", allFit);
        var preview = await response.ReadAsync<WeightsPreview>();
        Assert.Equal(3, preview.Leads);
        Assert.Equal(2, preview.ChangedBand);
        Assert.Equal(3, preview.ChangedScore);
        Assert.Equal([Classification.Hot, Classification.Warm, Classification.Cold], preview.Bands);
        Assert.Equal([0, 0, 0], preview.Matrix[0]);
        Assert.Equal([0, 0, 0], preview.Matrix[1]);
        Assert.Equal([1, 1, 1], preview.Matrix[2]);
        Assert.Equal([0, 1, 1, 1, 0, 0, 0, 0, 0, 0], preview.Before);
        Assert.Equal([0, 1, 0, 0, 0, 1, 0, 0, 0, 1], preview.After);

        var same = await (await admin.PostJsonAsync("/api/v1/qualification/weights/preview", ScoreWeights.Default))
            .ReadAsync<WeightsPreview>();
        Assert.Equal((0, 0, 3), (same.ChangedBand, same.ChangedScore, same.Matrix[2][2]));

        var bad = await admin.PostJsonAsync("/api/v1/qualification/weights/preview", allFit with { IcpFit = 0 });
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("factors", out _));

        await using var db = app.CreateDbContext();
        Assert.Null((await db.Leads.AsNoTracking().SingleAsync(l => l.Id == a.Id, Ct)).Score);
        Assert.Equal(0, await db.QualificationVersions.CountAsync(Ct));
    }
}

public sealed class WeightsPreviewSqliteTests(SqliteApp app) : WeightsPreviewTests(app), IClassFixture<SqliteApp>;

public sealed class WeightsPreviewPostgresTests(PostgresApp app)
    : WeightsPreviewTests(app), IClassFixture<PostgresApp>;
