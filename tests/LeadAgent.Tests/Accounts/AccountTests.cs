using System.Net;
using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Accounts;

[Collection(nameof(SqliteCrm))]
public sealed class AccountTests(SqliteApp app)
{
    [Fact]
    public async Task Users_set_their_own_time_zone_and_unknown_zones_are_rejected()
    {
        var c = await app.ClientAsync(Roles.Viewer);
        var bad = await c.PutJsonAsync("/api/v1/me", new ProfileInput("Vic", "Mars/Olympus_Mons"));
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("timeZone", out _));
        var ok = await (await c.PutJsonAsync("/api/v1/me", new ProfileInput("Vic", "Europe/Berlin")))
            .ReadAsync<UserDto>();
        Assert.Equal("Europe/Berlin", ok.TimeZone);
        Assert.Equal("Vic", ok.DisplayName);
    }

    [Fact]
    public async Task Token_secrets_are_shown_once_and_revoking_one_locks_it_out()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var created = await (await c.PostJsonAsync("/api/v1/tokens", new TokenInput("script")))
            .ReadAsync<CreatedToken>();
        Assert.StartsWith("la_", created.Secret);
        var listed = await (await c.GetAsync("/api/v1/tokens", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(created.Secret, listed);
        Assert.Contains(created.Token.Prefix, listed);

        var second = app.TokenClient(created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/me", Ct)).StatusCode);
        var tokenUrl = $"/api/v1/tokens/{created.Token.Id}";
        Assert.Equal(HttpStatusCode.NoContent, (await c.DeleteAsync(tokenUrl, Ct)).StatusCode);
        var after = await second.GetAsync("/api/v1/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        await after.ProblemAsync();

        // Someone else's token is not yours to revoke.
        var other = await app.ClientAsync(Roles.Sales);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(tokenUrl, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_viewer_token_cannot_write_and_gets_403_problem_details()
    {
        var c = await app.ClientAsync(Roles.Viewer);
        var response = await c.PostJsonAsync("/api/v1/companies", new { name = "Nope" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await response.ProblemAsync()).GetProperty("status").GetInt32());
        var me = await (await c.GetAsync("/api/v1/me", Ct)).ReadAsync<JsonElement>();
        Assert.Equal("viewer", me.GetProperty("roles")[0].GetString());
    }
}
