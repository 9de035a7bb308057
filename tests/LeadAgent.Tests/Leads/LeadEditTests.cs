using System.Net;
using System.Text;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Leads;

/// <summary>Editing leads through the REST API: versions, races, bad input; runs on SQLite and PostgreSQL.</summary>
public abstract class LeadEditTests(AppFactory app)
{
    [Fact]
    public async Task A_stale_edit_gets_409_and_does_not_overwrite()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company("Stale Co"));
        var lead = await c.CreateAsync(Make.Lead(company, "Original"));

        var first = await c.PutJsonAsync($"/api/v1/leads/{lead.Id}",
            Make.Lead(company, "First edit") with { Version = lead.Version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await c.PutJsonAsync($"/api/v1/leads/{lead.Id}",
            Make.Lead(company, "Second edit") with { Version = lead.Version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(409, (await second.ProblemAsync()).GetProperty("status").GetInt32());

        var now = await (await c.GetAsync($"/api/v1/leads/{lead.Id}", Ct)).ReadAsync<LeadRow>();
        Assert.Equal("First edit", now.Title);
        Assert.Equal(lead.Version + 1, now.Version);
    }

    [Fact]
    public async Task Concurrent_edits_with_the_same_version_let_exactly_one_win()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var company = await c.CreateAsync(Make.Company("Race Co"));
        var lead = await c.CreateAsync(Make.Lead(company, "Race"));
        var tasks = Enumerable.Range(0, 6).Select(i =>
            c.PutJsonAsync($"/api/v1/leads/{lead.Id}",
                Make.Lead(company, $"Edit {i}") with { Version = lead.Version }));
        var results = await Task.WhenAll(tasks);
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_with_field_errors()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var malformed = await c.PostAsync("/api/v1/leads", Json("{\"title\": "), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await malformed.ProblemAsync();

        var wrongType = await c.PostAsync("/api/v1/leads", Json("{\"title\":\"x\",\"score\":\"high\"}"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await wrongType.ProblemAsync()).GetProperty("errors").TryGetProperty("score", out _));

        var tooLong = await c.PostJsonAsync("/api/v1/companies",
            new CompanyInput { Name = new string('a', 201), Website = "ftp://x", Country = "Germany" });
        var errors = (await tooLong.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("website", out _));
        Assert.True(errors.TryGetProperty("country", out _));

        var unknown = await c.PostJsonAsync("/api/v1/leads",
            new LeadInput { Title = "x", CompanyId = Guid.NewGuid(), Score = 101 });
        var leadErrors = (await unknown.ProblemAsync()).GetProperty("errors");
        Assert.True(leadErrors.TryGetProperty("companyId", out _));
        Assert.False(leadErrors.TryGetProperty("score", out _)); // computed, so a sent value is ignored

        var missing = await c.GetAsync($"/api/v1/leads/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        await missing.ProblemAsync();

        var badFilter = await c.GetAsync(
            "/api/v1/leads?status=Nope&scoreMin=50&scoreMax=10&sort=colour&cursor=zzz", Ct);
        var filterErrors = (await badFilter.ProblemAsync()).GetProperty("errors");
        Assert.True(filterErrors.TryGetProperty("status", out _));
        Assert.True(filterErrors.TryGetProperty("scoreMax", out _));
        Assert.True(filterErrors.TryGetProperty("sort", out _));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}

[Collection(nameof(SqliteCrm))]
public sealed class LeadEditSqliteTests(SqliteApp app) : LeadEditTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class LeadEditPostgresTests(PostgresApp app) : LeadEditTests(app);
