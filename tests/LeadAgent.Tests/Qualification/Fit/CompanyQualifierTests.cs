using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification;
using LeadAgent.Web.Features.Qualification.Fit;
using LeadAgent.Web.Features.Qualification.Signals;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Qualification.Fit;

/// <summary>
/// Judging companies into CompanyFits on SQLite and PostgreSQL: the agent's segment is kept in the fit beside the
/// company's (a person's, which is the label and never overwritten), unchanged signals are not judged again, not a fit
/// scores low. The judgements come from a table per test (the classifier has its own tests), counting how often it is
/// asked.
/// </summary>
public abstract class CompanyQualifierTests(AppFactory app)
{
    private sealed class Judge : Dictionary<string, Judgement>
    {
        public int Calls;

        public CompanyQualifier Qualifier => new((_, _, _) => ValueTask.FromResult<Func<CompanySignals, Judgement>>(
            s =>
            {
                Interlocked.Increment(ref Calls);
                return this[s.Name];
            }));
    }

    private static Judgement Rules(Segment s, double confidence, params string[] evidence) =>
        new(s, confidence, FitMethod.Rules, evidence);

    private async Task<(CompanyRow Row, Company Saved, CompanyFit? Fit)> ReadAsync(HttpClient c, Guid id)
    {
        await using var db = app.CreateDbContext();
        return (await c.GetJsonAsync<CompanyRow>($"/api/v1/companies/{id}"),
            await db.Companies.AsNoTracking().SingleAsync(x => x.Id == id, Ct),
            await db.CompanyFits.AsNoTracking().SingleOrDefaultAsync(f => f.CompanyId == id, Ct));
    }

    [Fact]
    public async Task The_agents_segment_lives_beside_a_persons_and_never_over_it()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var open = await c.CreateAsync(Make.Company() with { Segment = null });
        var labelled = await c.CreateAsync(Make.Company() with { Segment = Segment.Reseller });
        var judge = new Judge
        {
            [open.Name] = Rules(Segment.EventAgency, 0.9, "eventagentur"),
            [labelled.Name] = Rules(Segment.BrandOwner, 0.9, "marke"),
        };
        await using (var db = app.CreateDbContext())
        {
            var counts = await judge.Qualifier.RefreshAsync(db,
                db.Companies.Where(x => x.Id == open.Id || x.Id == labelled.Id), Ct);
            Assert.Equal(new QualifyCounts(2, 0), counts);
        }
        Assert.Equal(1, judge.Calls);

        var (row, saved, fit) = await ReadAsync(c, open.Id);
        Assert.Equal((Segment.Unknown, Segment.EventAgency, Segment.EventAgency),
            (row.Segment, row.AgentSegment, row.EffectiveSegment));
        Assert.Equal((Segment.Unknown, open.Version), (saved.Segment, row.Version));
        Assert.Equal((Segment.EventAgency, FitMethod.Rules, 0.9), (fit!.Segment, fit.Method, fit.Confidence));
        Assert.Equal(["eventagentur"], FitJson.ReadEvidence(fit.Evidence));
        Assert.Equal(fit.FitScore, FitJson.ReadFactors(fit.FitFactors).Sum(f => f.Points));

        var (kept, _, personFit) = await ReadAsync(c, labelled.Id);
        Assert.Equal((Segment.Reseller, Segment.Reseller, labelled.Version), (kept.Segment, kept.EffectiveSegment,
            kept.Version));
        Assert.Equal((Segment.Reseller, FitMethod.Person, 1.0), (personFit!.Segment, personFit.Method,
            personFit.Confidence));
        Assert.Contains("set by a person", FitJson.ReadEvidence(personFit.Evidence));

        // Lists filter by the effective segment: the agent's where a person chose none.
        var agencies = await c.GetJsonAsync<Page<CompanyRow>>(
            $"/api/v1/companies?segment=EventAgency&q={Uri.EscapeDataString(open.Name)}");
        Assert.Equal(open.Id, Assert.Single(agencies.Items).Id);
        var brands = await c.GetJsonAsync<Page<CompanyRow>>(
            $"/api/v1/companies?segment=BrandOwner&q={Uri.EscapeDataString(labelled.Name)}");
        Assert.Empty(brands.Items);
    }

    [Fact]
    public async Task Unchanged_signals_are_skipped_and_a_persons_edit_becomes_the_label()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company() with { Segment = null, Country = "AT" });
        var judge = new Judge { [company.Name] = Rules(Segment.CorporateClient, 0.7, "konzern") };
        async Task<QualifyCounts> RefreshAsync()
        {
            await using var db = app.CreateDbContext();
            return await judge.Qualifier.RefreshAsync(db, db.Companies.Where(x => x.Id == company.Id), Ct);
        }
        Assert.Equal(new QualifyCounts(1, 0), await RefreshAsync());
        Assert.Equal(new QualifyCounts(0, 1), await RefreshAsync());
        Assert.Equal(1, judge.Calls);

        var (row, _, _) = await ReadAsync(c, company.Id);
        var edited = await c.PutJsonAsync($"/api/v1/companies/{company.Id}",
            Make.Company(company.Name) with { Segment = Segment.BrandOwner, Country = "AT", Version = row.Version });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(new QualifyCounts(1, 0), await RefreshAsync());
        Assert.Equal(1, judge.Calls);
        var (after, saved, fit) = await ReadAsync(c, company.Id);
        Assert.Equal((Segment.BrandOwner, Segment.BrandOwner), (after.Segment, saved.Segment));
        Assert.Equal((Segment.BrandOwner, FitMethod.Person), (fit!.Segment, fit.Method));
    }

    [Fact]
    public async Task Not_a_fit_scores_low_with_its_reason_and_is_the_effective_segment()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company() with { Segment = null });
        var judge = new Judge { [company.Name] = Rules(Segment.NotAFit, 0.95, "jobbörse") };
        await using (var db = app.CreateDbContext())
        {
            await judge.Qualifier.RefreshAsync(db, db.Companies.Where(x => x.Id == company.Id), Ct);
        }
        var (row, _, fit) = await ReadAsync(c, company.Id);
        Assert.Equal((Segment.Unknown, Segment.NotAFit), (row.Segment, row.EffectiveSegment));
        Assert.InRange(fit!.FitScore, 0, 10);
        Assert.Contains("jobbörse", Assert.Single(FitJson.ReadFactors(fit.FitFactors)).Detail,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fit_api_shows_the_judgement_and_writers_may_judge_again()
    {
        var (sales, viewer) = (await app.ClientAsync(Roles.Sales), await app.ClientAsync(Roles.Viewer));
        var company = await sales.CreateAsync(Make.Company() with { Segment = Segment.Reseller });
        var url = $"/api/v1/companies/{company.Id}/fit";
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync(url + "/refresh", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await sales.PostAsync($"/api/v1/companies/{Guid.NewGuid()}/fit/refresh", null, Ct)).StatusCode);

        var judged = await (await sales.PostAsync(url + "/refresh", null, Ct)).ReadAsync<CompanyFitView>();
        Assert.Equal((Segment.Reseller, FitMethod.Person, 1.0), (judged.Segment, judged.Method, judged.Confidence));
        var read = await viewer.GetJsonAsync<CompanyFitView>(url);
        Assert.Equal((judged.FitScore, judged.IcpVersion), (read.FitScore, read.IcpVersion));
        Assert.Equal(read.FitScore, read.Factors.Sum(f => f.Points));
        Assert.Contains(read.Factors, f => f.Name == "Region" && f.Points == f.Max);
        Assert.Equal(read.FitScore, (await viewer.GetJsonAsync<CompanyRow>($"/api/v1/companies/{company.Id}"))
            .FitScore);
    }

    [Fact]
    public async Task Many_companies_are_judged_in_chunks_and_existing_rows_updated_in_place()
    {
        var tag = "Chunk " + Guid.NewGuid().ToString("N")[..8];
        var judge = new Judge();
        await using (var db = app.CreateDbContext())
        {
            for (var i = 0; i < CompanyQualifier.ChunkSize + 20; i++)
            {
                var company = Company.Named($"{tag} {i:D4}");
                db.Companies.Add(company);
                judge[company.Name] = Rules(i % 2 == 0 ? Segment.EventAgency : Segment.Reseller, 0.6);
            }
            await db.SaveChangesAsync(Ct);
            var mine = db.Companies.Where(x => x.Name.StartsWith(tag));
            Assert.Equal(CompanyQualifier.ChunkSize + 20, (await judge.Qualifier.RefreshAsync(db, mine, Ct)).Judged);
            var again = await judge.Qualifier.RefreshAsync(db, mine, force: true, Ct);
            Assert.Equal(CompanyQualifier.ChunkSize + 20, again.Judged);
            Assert.Equal(CompanyQualifier.ChunkSize + 20, await db.CompanyFits
                .CountAsync(f => mine.Select(x => x.Id).Contains(f.CompanyId), Ct));
            Assert.Equal((CompanyQualifier.ChunkSize + 20) / 2, await db.CompanyFits.CountAsync(
                f => mine.Select(x => x.Id).Contains(f.CompanyId) && f.Segment == Segment.EventAgency, Ct));
            Assert.False(await mine.AnyAsync(x => x.Segment != Segment.Unknown, Ct));
        }
        Assert.Equal(2 * (CompanyQualifier.ChunkSize + 20), judge.Calls);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class CompanyQualifierSqliteTests(SqliteApp app) : CompanyQualifierTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class CompanyQualifierPostgresTests(PostgresApp app) : CompanyQualifierTests(app);
