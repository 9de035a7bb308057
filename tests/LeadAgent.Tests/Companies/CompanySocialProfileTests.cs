using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Companies;

/// <summary>
/// Social-network links are a company's profiles, never its website or domain; through the API, the export and the
/// import. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class CompanySocialProfileTests(AppFactory app)
{
    [Fact]
    public async Task Social_links_are_kept_as_profiles_and_never_block_another_company()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var slug = "acme" + Unique(8);
        var first = await c.CreateAsync(Make.Company("Social A") with
        {
            Website = $"https://www.facebook.com/{slug}/",
            SocialProfiles = [$"linkedin.com/company/{slug}", $"https://www.linkedin.com/company/{slug}-de"],
        });
        Assert.Null(first.Domain);
        Assert.Null(first.Website);
        Assert.Equal<string>([$"https://linkedin.com/company/{slug}", $"https://www.linkedin.com/company/{slug}-de",
            $"https://www.facebook.com/{slug}"], first.SocialProfiles);

        // Another company on the same networks is no clash: "facebook.com" is nobody's domain.
        var second = await c.CreateAsync(Make.Company("Social B") with
        {
            Website = $"https://facebook.com/{slug}-b",
            SocialProfiles = [$"https://www.instagram.com/{slug}"],
        });
        Assert.Equal<string>([$"https://www.instagram.com/{slug}", $"https://facebook.com/{slug}-b"],
            second.SocialProfiles);
        Assert.Equal("Social A", (await c.GetJsonAsync<CompanyRow>($"/api/v1/companies/{first.Id}")).Name);

        var bad = await c.PostJsonAsync("/api/v1/companies", new CompanyInput
        {
            Name = "Social C",
            SocialProfiles = [$"https://{slug}.example.com", "https://facebook.com/ok", "mailto:a@b.com"],
        });
        var errors = (await bad.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("socialProfiles[0]", out _));
        Assert.False(errors.TryGetProperty("socialProfiles[1]", out _));
        Assert.True(errors.TryGetProperty("socialProfiles[2]", out _));

        var export = await c.GetStringAsync($"/api/v1/companies/export?q=Social", Ct);
        Assert.Contains("social_profiles", export.Split("\r\n")[0]);
        Assert.Contains($"https://www.instagram.com/{slug} https://facebook.com/{slug}-b", export);
    }

    [Fact]
    public async Task A_company_import_keeps_social_links_as_profiles()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var slug = "imp" + Unique(8);
        var csv = "name,website,country\n"
            + $"Import {slug} A,https://www.facebook.com/{slug}-a,DE\n"
            + $"Import {slug} B,https://www.facebook.com/{slug}-b,DE\n";
        var run = await c.ImportAsync(csv, "social.csv", "kind=Companies");
        Assert.Equal(2, run.Created);
        var page = await c.GetJsonAsync<Page<CompanyRow>>($"/api/v1/companies?q=import%20{slug}");
        Assert.Equal(2, page.Items.Count);
        Assert.All(page.Items, r => Assert.Null(r.Domain));
        Assert.All(page.Items, r => Assert.Null(r.Website));
        var a = page.Items.Single(r => r.Name.EndsWith(" A", StringComparison.Ordinal));
        Assert.Equal<string>([$"https://www.facebook.com/{slug}-a"], a.SocialProfiles);
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class CompanySocialProfileSqliteTests(SqliteApp app) : CompanySocialProfileTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class CompanySocialProfilePostgresTests(PostgresApp app) : CompanySocialProfileTests(app);
