using System.Net;
using System.Net.Http.Headers;
using LeadAgent.Tests.Security;
using LeadAgent.Web.Data;

namespace LeadAgent.Tests.App;

/// <summary>What the app answers outside its pages: the icon at its classic path, and a dead link.</summary>
[Collection(nameof(SqliteCrm))]
public sealed class AppShellTests(SqliteApp app)
{
    [Fact]
    public async Task The_classic_icon_path_leads_anonymously_to_the_svg_icon()
    {
        var anonymous = app.AnonymousClient();
        var ico = await anonymous.GetAsync("/favicon.ico", Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, ico.StatusCode);
        Assert.Equal("/favicon.svg", ico.Headers.Location?.OriginalString);
        var svg = await anonymous.GetAsync("/favicon.svg", Ct);
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_person_following_a_dead_link_gets_a_page_and_a_script_gets_a_problem()
    {
        var client = await CookieLogin.SignInAsync(app, Roles.Sales);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page-" + Guid.NewGuid().ToString("N"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var page = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync(Ct));

        var api = await (await app.ClientAsync(Roles.Sales)).GetAsync($"/api/v1/leads/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }
}
