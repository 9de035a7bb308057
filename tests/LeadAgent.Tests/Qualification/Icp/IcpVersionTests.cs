using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Versions;

namespace LeadAgent.Tests.Qualification.Icp;

/// <summary>
/// The ICP as a versioned product through the API: admins save new versions with a note, everyone reads the current
/// and every earlier one, other roles get 403, bad input gets field errors.
/// </summary>
public abstract class IcpVersionTests(AppFactory app)
{
    private static IcpSet With(Func<IcpSegment, IcpSegment> change) => IcpDefaults.Create() with
    {
        Segments = [.. IcpDefaults.Create().Segments.Select(s => s.Segment == Segment.Reseller ? change(s) : s)],
    };

    [Fact]
    public async Task Saving_adds_versions_that_stay_viewable_with_author_and_note()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var before = await admin.GetJsonAsync<IcpVersionView>("/api/v1/qualification/icp");

        var first = await admin.PutJsonAsync("/api/v1/qualification/icp",
            new IcpSaveInput(With(s => s with { Regions = ["de", "AT"] }), "DACH resellers only"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var v1 = await first.ReadAsync<IcpVersionView>();
        Assert.Equal(before.Number + 1, v1.Number);
        Assert.Equal(["DE", "AT"], v1.Icp.For(Segment.Reseller)!.Regions);
        Assert.Equal("DACH resellers only", v1.Note);
        Assert.NotNull(v1.AuthorName);

        var v2 = await (await admin.PutJsonAsync("/api/v1/qualification/icp",
            new IcpSaveInput(With(s => s with { Required = ["werbeartikel"] }), "Resellers must sell promo"))
            ).ReadAsync<IcpVersionView>();
        Assert.Equal(v1.Number + 1, v2.Number);

        var viewer = await app.ClientAsync(Roles.Viewer);
        var current = await viewer.GetJsonAsync<IcpVersionView>("/api/v1/qualification/icp");
        Assert.Equal((v2.Number, "Resellers must sell promo"), (current.Number, current.Note));
        Assert.Equal(["werbeartikel"], current.Icp.For(Segment.Reseller)!.Required);

        var versions = await viewer.GetJsonAsync<List<VersionInfo>>("/api/v1/qualification/icp/versions");
        Assert.Equal([v2.Number, v1.Number], versions.Take(2).Select(v => v.Number));
        Assert.Equal(0, versions[^1].Number);

        var old = await viewer.GetJsonAsync<IcpVersionView>($"/api/v1/qualification/icp/versions/{v1.Number}");
        Assert.Equal(["DE", "AT"], old.Icp.For(Segment.Reseller)!.Regions);
        Assert.Empty(old.Icp.For(Segment.Reseller)!.Required);
        var builtIn = await viewer.GetJsonAsync<IcpVersionView>("/api/v1/qualification/icp/versions/0");
        Assert.Equal(IcpDefaults.Create().NotFitTerms, builtIn.Icp.NotFitTerms);
        Assert.Equal(HttpStatusCode.NotFound,
            (await viewer.GetAsync("/api/v1/qualification/icp/versions/9999", Ct)).StatusCode);

        // Back to the defaults' content (as a new version): the other tests of this app judge with it.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutJsonAsync("/api/v1/qualification/icp",
            new IcpSaveInput(IcpDefaults.Create(), "Back to the defaults"))).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Sales)]
    public async Task Only_admins_may_save(string role)
    {
        var c = await app.ClientAsync(role);
        var before = await c.GetJsonAsync<IcpVersionView>("/api/v1/qualification/icp");
        var response = await c.PutJsonAsync("/api/v1/qualification/icp", new IcpSaveInput(IcpDefaults.Create(), "x"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await response.ProblemAsync();
        Assert.Equal(before.Number, (await c.GetJsonAsync<IcpVersionView>("/api/v1/qualification/icp")).Number);
    }

    [Fact]
    public async Task Bad_input_gets_field_errors_and_saves_nothing()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var before = await admin.GetJsonAsync<IcpVersionView>("/api/v1/qualification/icp");
        var segments = With(s => s with
        {
            Regions = ["DE", "XY"],
            KeywordsDe = [],
            Excluded = [new string('x', 81)],
            Required = [.. Enumerable.Range(0, 201).Select(i => $"term {i}")],
        });
        var bad = segments with { NotFitTerms = [new string('n', 90)] };
        var response = await admin.PutJsonAsync("/api/v1/qualification/icp",
            new IcpSaveInput(bad, new string('n', 501)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        var reseller = IcpDefaults.Create().Segments.ToList().FindIndex(s => s.Segment == Segment.Reseller);
        Assert.True(errors.TryGetProperty("note", out _));
        foreach (var field in new[] { "regions", "keywordsDe", "excluded", "required" })
        {
            Assert.True(errors.TryGetProperty($"segments[{reseller}].{field}", out _), $"{field}: {errors}");
        }
        Assert.True(errors.TryGetProperty("notFitTerms", out _));

        var twice = IcpDefaults.Create() with
        {
            Segments = [.. IcpDefaults.Create().Segments.Select(s => s with { Segment = Segment.EventAgency })],
        };
        var dup = await admin.PutJsonAsync("/api/v1/qualification/icp", new IcpSaveInput(twice, null));
        Assert.True((await dup.ProblemAsync()).GetProperty("errors").TryGetProperty("segments", out _));
        var none = await admin.PutJsonAsync("/api/v1/qualification/icp", new IcpSaveInput(null, null));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(before.Number, (await admin.GetJsonAsync<IcpVersionView>("/api/v1/qualification/icp")).Number);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class IcpVersionSqliteTests(SqliteApp app) : IcpVersionTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class IcpVersionPostgresTests(PostgresApp app) : IcpVersionTests(app);
