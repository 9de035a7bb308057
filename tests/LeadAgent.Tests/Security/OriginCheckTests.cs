using System.Net;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;

namespace LeadAgent.Tests.Security;

/// <summary>
/// A change made with the login cookie must come from the app's own pages: another site's form or script is refused
/// (403 problem) before it reaches the endpoint; token requests and same-origin pages are unaffected.
/// </summary>
[Collection(nameof(SqliteCrm))]
public sealed class OriginCheckTests(SqliteApp app)
{
    private const string Evil = "https://evil.example";

    [Theory]
    [InlineData("Origin", Evil)]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "http://localhost.evil.example")]
    [InlineData("Origin", "http://localhost:8080")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Referer", "https://evil.example/page")]
    public async Task Cookie_changes_from_another_site_are_refused(string header, string value)
    {
        var browser = await CookieLogin.SignInAsync(app, Roles.Admin);
        var sales = await app.ClientAsync(Roles.Sales);
        var lead = await sales.CreateAsync(Make.Lead(await sales.CreateAsync(Make.Company())));
        var attempts = new[]
        {
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/leads/{lead.Id}/archive"),
            new HttpRequestMessage(HttpMethod.Post, $"/api/v1/leads/{lead.Id}/restore"),
            new HttpRequestMessage(HttpMethod.Post, "/api/v1/duplicates/scan"),
            new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/leads/{lead.Id}"),
            new HttpRequestMessage(HttpMethod.Post, "/account/logout"),
        };
        foreach (var attempt in attempts)
        {
            var response = await browser.SendAsync(attempt.From(header, value), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Equal("Cross-site request refused.", problem.GetProperty("title").GetString());
        }
        // Nothing happened: the lead is still there and live, and the session still works.
        var after = await browser.GetJsonAsync<LeadRow>($"/api/v1/leads/{lead.Id}");
        Assert.Null(after.ArchivedAt);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Same_origin_pages_and_token_clients_still_change_data()
    {
        var browser = await CookieLogin.SignInAsync(app, Roles.Sales);
        var token = await app.ClientAsync(Roles.Sales);
        var lead = await token.CreateAsync(Make.Lead(await token.CreateAsync(Make.Company())));

        var archive = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/leads/{lead.Id}/archive")
            .From("Origin", CookieLogin.SelfOrigin).From("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(archive, Ct)).StatusCode);
        var restore = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/leads/{lead.Id}/restore")
            .From("Referer", CookieLogin.SelfOrigin + "/leads");
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(restore, Ct)).StatusCode);
        // A script with a token is not a browser riding on a session, whatever Origin it claims.
        var byToken = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/leads/{lead.Id}/archive").From("Origin", Evil);
        Assert.Equal(HttpStatusCode.OK, (await token.SendAsync(byToken, Ct)).StatusCode);

        var logout = new HttpRequestMessage(HttpMethod.Post, "/account/logout").From("Origin", CookieLogin.SelfOrigin);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SendAsync(logout, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_login_form_works_from_the_app_and_not_from_another_site()
    {
        var (user, _) = await app.CreateUserAsync(Roles.Viewer, "Cookie-pass-123");
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var antiforgery = await CookieLogin.AntiforgeryTokenAsync(client);
        var foreign = await client.SendAsync(
            CookieLogin.LoginForm(antiforgery, user.Email, "Cookie-pass-123", Evil), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);

        var own = await client.SendAsync(
            CookieLogin.LoginForm(antiforgery, user.Email, "Cookie-pass-123", CookieLogin.SelfOrigin), Ct);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", Ct)).StatusCode);
    }
}
