using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Companies;

/// <summary>Companies through the REST API; runs on SQLite and PostgreSQL.</summary>
public abstract class CompanyApiTests(AppFactory app)
{
    [Fact]
    public async Task Company_website_is_normalised_to_a_unique_registrable_domain()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var suffix = Unique(8);
        var company = await c.CreateAsync(Make.Company("Eventwerk") with
        {
            Website = $"WWW.Shop.Eventwerk-{suffix}.co.uk/path?utm_source=x",
        });
        Assert.Equal($"eventwerk-{suffix}.co.uk", company.Domain);
        Assert.Equal($"https://www.shop.eventwerk-{suffix}.co.uk/path", company.Website);

        var clash = await c.PostJsonAsync("/api/v1/companies",
            new CompanyInput { Name = "Other", Website = $"https://eventwerk-{suffix}.co.uk" });
        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        var problem = await clash.ProblemAsync();
        Assert.Contains("already has the domain", problem.GetProperty("errors").GetProperty("website")[0].GetString());
    }

    [Fact]
    public async Task Credentials_and_trailing_dots_are_not_stored_with_the_website()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var domain = $"cred-{Unique(8)}.com";
        var host = "www." + domain;
        var company = await c.CreateAsync(Make.Company("Cred") with { Website = $"https://user:pass@{host}./about/" });
        Assert.Equal($"https://{host}/about", company.Website);
        Assert.Equal(domain, company.Domain);
        var updated = await c.PutJsonAsync($"/api/v1/companies/{company.Id}", new CompanyInput
        {
            Name = "Cred",
            Website = $"http://admin@{host}.",
            Version = company.Version,
        });
        var row = await updated.ReadAsync<CompanyRow>();
        Assert.Equal($"http://{host}", row.Website);
        Assert.DoesNotContain("@", row.Website);
    }

    [Theory]
    [InlineData("mailto:info@example.com")]
    [InlineData("info@example.com")]
    public async Task An_email_address_is_refused_as_a_website(string website)
    {
        var c = await app.ClientAsync(Roles.Sales);
        var response = await c.PostJsonAsync("/api/v1/companies",
            new CompanyInput { Name = "Mail", Website = website });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.Contains("e-mail address", errors.GetProperty("website")[0].GetString());
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class CompanyApiSqliteTests(SqliteApp app) : CompanyApiTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class CompanyApiPostgresTests(PostgresApp app) : CompanyApiTests(app);
