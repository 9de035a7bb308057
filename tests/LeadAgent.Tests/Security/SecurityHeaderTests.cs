using System.Net;
using System.Text;
using LeadAgent.Web.Data;

namespace LeadAgent.Tests.Security;

/// <summary>Every kind of response carries the browser protection headers.</summary>
[Collection(nameof(SqliteCrm))]
public sealed class SecurityHeaderTests(SqliteApp app)
{
    [Fact]
    public async Task Pages_api_static_files_and_problems_all_carry_the_headers()
    {
        var token = await app.ClientAsync(Roles.Sales);
        var anonymous = app.AnonymousClient();
        var responses = new (string What, HttpResponseMessage Response)[]
        {
            ("login page", await anonymous.GetAsync("/login", Ct)),
            ("redirect to login", await anonymous.GetAsync("/leads", Ct)),
            ("api", await token.GetAsync("/api/v1/me", Ct)),
            ("static file", await anonymous.GetAsync("/app.css", Ct)),
            ("framework script", await anonymous.GetAsync("/_framework/blazor.web.js", Ct)),
            ("401 problem", await anonymous.GetAsync("/api/v1/leads", Ct)),
            ("404 problem", await token.GetAsync($"/api/v1/leads/{Guid.NewGuid()}", Ct)),
            ("400 problem", await token.PostAsync("/api/v1/leads",
                new StringContent("{\"title\": ", Encoding.UTF8, "application/json"), Ct)),
            ("health", await anonymous.GetAsync("/healthz", Ct)),
        };
        Assert.Equal(HttpStatusCode.OK, responses[3].Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, responses[7].Response.StatusCode);
        foreach (var (what, response) in responses)
        {
            var csp = Header(response, "Content-Security-Policy");
            Assert.True(csp is not null, $"{what}: no Content-Security-Policy");
            var scriptSrc = csp!.Split(';').Select(d => d.Trim())
                .Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
            Assert.DoesNotContain("'unsafe-inline'", scriptSrc);
            Assert.DoesNotContain("'unsafe-eval'", scriptSrc);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : null;
}
