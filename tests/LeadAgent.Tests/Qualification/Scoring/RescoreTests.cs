using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification;
using LeadAgent.Web.Features.Qualification.Scoring;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Qualification.Scoring;

/// <summary>
/// <see cref="LeadScoring.RescoreAsync(LeadAgent.Web.Data.AppDbContext, IQueryable{Lead}, CancellationToken)"/> on a
/// real database: scores, bands and history rows are written only on change, with no version bump and no activity.
/// </summary>
public abstract class RescoreTests(AppFactory app)
{
    internal static async Task<LeadRow> LeadWithFitAsync(AppFactory app, HttpClient c, int fit, double similarity,
        decimal? potential, LeadStatus status = LeadStatus.New, decimal? value = 1000m)
    {
        var company = await c.CreateAsync(Make.Company());
        var lead = await c.CreateAsync(Make.Lead(company) with { Status = status, ExpectedValue = value });
        await using var db = app.CreateDbContext();
        db.CompanyFits.Add(new CompanyFit
        {
            CompanyId = company.Id,
            Segment = LeadAgent.Web.Features.Companies.Segment.EventAgency,
            Confidence = 0.9,
            FitScore = fit,
            ClientSimilarity = similarity,
            PotentialExpected = potential,
            IcpVersion = 3,
        });
        await db.SaveChangesAsync(Ct);
        return lead;
    }

    [Fact]
    public async Task Rescore_writes_score_band_and_history_only_on_change_without_a_version_bump_or_activity()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var lead = await LeadWithFitAsync(app, c, fit: 80, similarity: 1.0, potential: 50_000m);
        await using var db = app.CreateDbContext();
        var before = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id, Ct);
        var activity = await db.Activity.CountAsync(a => a.EntityId == lead.Id, Ct);
        var one = db.Leads.Where(l => l.Id == lead.Id);

        var first = await LeadScoring.RescoreAsync(db, one, Ct);
        Assert.Equal((1, 1), (first.Scored, first.Changed));
        // ICP 80 → 20, segment 0.9 → 9, similarity 10, potential 10, completeness: country and value of six → 1.7.
        var scored = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id, Ct);
        Assert.Equal(51, scored.Score);
        Assert.Equal(Classification.Warm, scored.Classification);
        Assert.Equal(before.Version, scored.Version);
        Assert.Equal(before.UpdatedAt, scored.UpdatedAt);
        Assert.Equal(activity, await db.Activity.CountAsync(a => a.EntityId == lead.Id, Ct));
        var entry = Assert.Single(await db.LeadScoreEntries.AsNoTracking().Where(e => e.LeadId == lead.Id)
            .ToListAsync(Ct));
        Assert.Equal((51, Classification.Warm, 0, (int?)3),
            (entry.Score, entry.Band, entry.WeightsVersion, entry.IcpVersion));
        Assert.Contains("Fit score 80 of 100 against the ICP", entry.Factors);

        var again = await LeadScoring.RescoreAsync(db, one, Ct);
        Assert.Equal((1, 0), (again.Scored, again.Changed));
        Assert.Equal(1, await db.LeadScoreEntries.CountAsync(e => e.LeadId == lead.Id, Ct));

        await db.CompanyFits.Where(f => f.CompanyId == lead.CompanyId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.FitScore, 100), Ct);
        var changed = await LeadScoring.RescoreAsync(db, [lead.Id], Ct);
        Assert.Equal(1, changed.Changed);
        var history = await db.LeadScoreEntries.AsNoTracking().Where(e => e.LeadId == lead.Id)
            .OrderBy(e => e.Id).Select(e => e.Score).ToListAsync(Ct);
        Assert.Equal([51, 56], history);

        // A person's save after a rescore does not conflict: the version the form holds is still current, and the
        // stale score it sends back is ignored, as any score sent is: the brain's stays.
        var edit = await c.PutJsonAsync($"/api/v1/leads/{lead.Id}", new LeadInput
        {
            Title = "Renamed",
            CompanyId = lead.CompanyId,
            Version = lead.Version,
            ExpectedValue = 1000m,
            Score = 51,
            Classification = Classification.Hot,
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, edit.StatusCode);
        var saved = await edit.ReadAsync<LeadRow>();
        Assert.Equal((56, Classification.Warm), (saved.Score, saved.Classification));
    }

    [Fact]
    public async Task Lost_leads_are_scored_but_cold_and_chunks_cover_many_leads()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var lost = await LeadWithFitAsync(app, c, fit: 100, similarity: 1.0, potential: 50_000m,
            status: LeadStatus.Lost);
        var open = await LeadWithFitAsync(app, c, fit: 100, similarity: 1.0, potential: 50_000m);
        await using var db = app.CreateDbContext();
        var result = await LeadScoring.RescoreAsync(db, db.Leads.Where(l => l.Id == lost.Id || l.Id == open.Id), Ct);
        Assert.Equal(2, result.Changed);
        var rows = await db.Leads.AsNoTracking().Where(l => l.Id == lost.Id || l.Id == open.Id)
            .ToDictionaryAsync(l => l.Id, Ct);
        Assert.Equal(rows[open.Id].Score, rows[lost.Id].Score);
        Assert.Equal(Classification.Cold, rows[lost.Id].Classification);
        Assert.NotEqual(Classification.Cold, rows[open.Id].Classification);
    }
}

public sealed class RescoreSqliteTests(SqliteApp app) : RescoreTests(app), IClassFixture<SqliteApp>;

public sealed class RescorePostgresTests(PostgresApp app) : RescoreTests(app), IClassFixture<PostgresApp>;
