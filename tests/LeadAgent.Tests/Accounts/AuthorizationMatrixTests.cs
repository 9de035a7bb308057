using System.Net;
using System.Text;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Inbox.Templates;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Tests.Accounts;

/// <summary>Every API endpoint × (anonymous, revoked token, viewer, sales, admin) gets the right status.</summary>
[Collection(nameof(SqliteCrm))]
public sealed class AuthorizationMatrixTests(SqliteApp app)
{
    private List<(string Method, string Pattern)> ApiEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } p
                && (p.StartsWith("/api/v1") || p.StartsWith("/openapi") || p is "/healthz" or "/readyz"))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, e.RoutePattern.RawText!)))
            .ToList();

    [Fact]
    public void Every_endpoint_is_in_the_matrix()
    {
        var missing = ApiEndpoints().Select(e => $"{e.Method} {e.Pattern}")
            .Where(k => !AccessMatrix.Expected.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0,
            "Add these endpoints to the authorization matrix: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_caller_with_the_right_status()
    {
        var viewer = await app.ClientAsync(Roles.Viewer);
        var sales = await app.ClientAsync(Roles.Sales);
        var admin = await app.ClientAsync(Roles.Admin);
        var (revokedUser, revokedToken) = await app.CreateUserAsync(Roles.Admin);
        await admin.DeleteAsync($"/api/v1/tokens/{await TokenIdAsync(app.TokenClient(revokedToken))}", Ct);
        var revoked = app.TokenClient(revokedToken);
        var anonymous = app.AnonymousClient();
        var callers = new (string Name, HttpClient Client, Need? Grants)[]
        {
            ("anonymous", anonymous, null), ("revoked token", revoked, null),
            ("viewer", viewer, Need.Read), ("sales", sales, Need.Write), ("admin", admin, Need.Admin),
        };

        var failures = new List<string>();
        foreach (var (method, pattern) in ApiEndpoints())
        {
            var need = AccessMatrix.Expected[$"{method} {pattern}"];
            var url = pattern.Replace("{id:guid}", Guid.NewGuid().ToString()).Replace("{id}", "no-such-user")
                .Replace("{documentName}", "v1")
                .Replace("{number:int}", "1");
            foreach (var (name, client, grants) in callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }
                var status = (await client.SendAsync(request, Ct)).StatusCode;
                var denied = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                var ok = need == Need.Anonymous ? !denied
                    : grants is null ? status == HttpStatusCode.Unauthorized
                    : grants >= need ? !denied && (int)status < 500
                    : status == HttpStatusCode.Forbidden;
                if (!ok)
                {
                    failures.Add($"{method} {pattern} as {name}: {(int)status}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.NotNull(revokedUser);
    }

    [Fact]
    public async Task Sales_change_and_delete_only_their_own_notes_and_lists_and_never_hard_delete_orders()
    {
        var author = await app.ClientAsync(Roles.Sales);
        var colleague = await app.ClientAsync(Roles.Sales);
        var admin = await app.ClientAsync(Roles.Admin);
        var company = await author.CreateAsync(Make.Company());

        var note = await author.CreateAsync(new NoteInput(NoteSubject.Company, company.Id, "Mine"));
        var url = $"/api/v1/notes/{note.Id}";
        var edit = new NoteInput(null, null, "Rewritten", note.Version);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.PutJsonAsync(url, edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.DeleteAsync(url, Ct)).StatusCode);
        Assert.Equal("Mine", (await author.GetJsonAsync<NoteDto>(url)).Body);
        var edited = await (await author.PutJsonAsync(url, edit)).ReadAsync<NoteDto>();
        Assert.Equal("Rewritten", edited.Body);
        Assert.Equal(HttpStatusCode.OK,
            (await admin.PutJsonAsync(url, new NoteInput(null, null, "By admin", edited.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(url, Ct)).StatusCode);
        var own = await author.CreateAsync(new NoteInput(NoteSubject.Company, company.Id, "Also mine"));
        Assert.Equal(HttpStatusCode.NoContent, (await author.DeleteAsync($"/api/v1/notes/{own.Id}", Ct)).StatusCode);

        var list = await (await author.PostJsonAsync("/api/v1/lists", new { name = "Own " + Unique() }))
            .ReadAsync<LeadListDto>();
        Assert.Equal(HttpStatusCode.Forbidden,
            (await colleague.DeleteAsync($"/api/v1/lists/{list.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await author.DeleteAsync($"/api/v1/lists/{list.Id}", Ct)).StatusCode);
        var other = await (await colleague.PostJsonAsync("/api/v1/lists", new { name = "Other " + Unique() }))
            .ReadAsync<LeadListDto>();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/lists/{other.Id}", Ct)).StatusCode);

        // Orders: sales cancel (the history leaves it out); only admins delete.
        var order = await author.CreateAsync(Make.Order(company));
        var orderUrl = $"/api/v1/orders/{order.Id}";
        Assert.Equal(HttpStatusCode.Forbidden, (await author.DeleteAsync(orderUrl, Ct)).StatusCode);
        var cancel = Make.Order(company, order.Number) with { Status = OrderStatus.Cancelled, Version = order.Version };
        Assert.Equal(OrderStatus.Cancelled,
            (await (await author.PutJsonAsync(orderUrl, cancel)).ReadAsync<OrderDto>()).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(orderUrl, Ct)).StatusCode);

        var template = await (await author.PostJsonAsync("/api/v1/inbox/templates",
            new TemplateInput("Hello " + Unique(), "Hello there"))).ReadAsync<TemplateDto>();
        var templateUrl = $"/api/v1/inbox/templates/{template.Id}";
        Assert.Equal(HttpStatusCode.Forbidden, (await author.DeleteAsync(templateUrl, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(templateUrl, Ct)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/leads")]
    [InlineData("/companies/new")]
    [InlineData("/admin/audit")]
    [InlineData("/api/docs")]
    public async Task Pages_send_anonymous_visitors_to_the_login(string path)
    {
        var response = await app.AnonymousClient().GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
    }

    private static async Task<Guid> TokenIdAsync(HttpClient client)
    {
        var me = await (await client.GetAsync("/api/v1/me", Ct)).ReadAsync<MeDto>();
        return Guid.Parse(me.TokenId!);
    }
}
