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
    private enum Need { Anonymous, Read, Write, Admin }

    // The expected access of every endpoint; a new endpoint missing here fails Every_endpoint_is_in_the_matrix.
    private static readonly Dictionary<string, Need> Matrix = new()
    {
        ["GET /healthz"] = Need.Anonymous,
        ["GET /readyz"] = Need.Anonymous,
        ["GET /openapi/{documentName}.json"] = Need.Read,
        ["GET /api/v1/me/"] = Need.Read,
        ["PUT /api/v1/me/"] = Need.Read,
        ["PUT /api/v1/me/password"] = Need.Read,
        ["GET /api/v1/owners/"] = Need.Read,
        ["GET /api/v1/dashboard/"] = Need.Read,
        ["GET /api/v1/tokens/"] = Need.Read,
        ["POST /api/v1/tokens/"] = Need.Read,
        ["DELETE /api/v1/tokens/{id:guid}"] = Need.Read,
        ["GET /api/v1/views/"] = Need.Read,
        ["POST /api/v1/views/"] = Need.Read,
        ["DELETE /api/v1/views/{id:guid}"] = Need.Read,
        ["GET /api/v1/audit/"] = Need.Admin,
        ["GET /api/v1/custom-fields/"] = Need.Read,
        ["POST /api/v1/custom-fields/"] = Need.Admin,
        ["PUT /api/v1/custom-fields/{id:guid}"] = Need.Admin,
        ["DELETE /api/v1/custom-fields/{id:guid}"] = Need.Admin,
        ["GET /api/v1/users/"] = Need.Admin,
        ["POST /api/v1/users/"] = Need.Admin,
        ["PUT /api/v1/users/{id}"] = Need.Admin,
        ["GET /api/v1/users/{id}/tokens"] = Need.Admin,
        ["PUT /api/v1/users/{id}/password"] = Need.Admin,
        ["GET /api/v1/leads/bulk/count"] = Need.Read,
        ["POST /api/v1/leads/bulk/count"] = Need.Read,
        ["POST /api/v1/leads/bulk"] = Need.Write,
        ["GET /api/v1/lists/"] = Need.Read,
        ["GET /api/v1/lists/{id:guid}"] = Need.Read,
        ["GET /api/v1/lists/{id:guid}/leads"] = Need.Read,
        ["POST /api/v1/lists/"] = Need.Write,
        ["PUT /api/v1/lists/{id:guid}"] = Need.Write,
        ["DELETE /api/v1/lists/{id:guid}"] = Need.Write,
        ["POST /api/v1/lists/{id:guid}/members"] = Need.Write,
        ["POST /api/v1/lists/{id:guid}/members/remove"] = Need.Write,
        ["GET /api/v1/notes/"] = Need.Read,
        ["GET /api/v1/notes/{id:guid}"] = Need.Read,
        ["POST /api/v1/notes/"] = Need.Write,
        ["PUT /api/v1/notes/{id:guid}"] = Need.Write,
        ["DELETE /api/v1/notes/{id:guid}"] = Need.Write,
        ["GET /api/v1/orders/"] = Need.Read,
        ["GET /api/v1/orders/{id:guid}"] = Need.Read,
        ["POST /api/v1/orders/"] = Need.Write,
        ["PUT /api/v1/orders/{id:guid}"] = Need.Write,
        ["DELETE /api/v1/orders/{id:guid}"] = Need.Admin,
        ["GET /api/v1/companies/{id:guid}/orders/summary"] = Need.Read,
        ["GET /api/v1/companies/{id:guid}/lookalikes"] = Need.Read,
        ["GET /api/v1/companies/{id:guid}/potential"] = Need.Read,
        ["GET /api/v1/qualification/lookalikes"] = Need.Read,
        ["GET /api/v1/leads/export"] = Need.Read,
        ["GET /api/v1/companies/export"] = Need.Read,
        ["GET /api/v1/contacts/export"] = Need.Read,
        ["GET /api/v1/orders/export"] = Need.Read,
        ["POST /api/v1/imports/preview"] = Need.Write,
        ["POST /api/v1/imports/"] = Need.Write,
        ["GET /api/v1/imports/"] = Need.Read,
        ["GET /api/v1/imports/{id:guid}"] = Need.Read,
        ["POST /api/v1/imports/{id:guid}/cancel"] = Need.Write,
        ["GET /api/v1/imports/{id:guid}/issues"] = Need.Read,
        ["GET /api/v1/imports/{id:guid}/rejected.csv"] = Need.Read,
        ["GET /api/v1/duplicates/"] = Need.Read,
        ["GET /api/v1/duplicates/{id:guid}"] = Need.Read,
        ["POST /api/v1/duplicates/scan"] = Need.Write,
        ["POST /api/v1/duplicates/{id:guid}/dismiss"] = Need.Write,
        ["POST /api/v1/duplicates/{id:guid}/merge"] = Need.Write,
        ["GET /api/v1/duplicates/check/company"] = Need.Read,
        ["GET /api/v1/duplicates/check/contact"] = Need.Read,
        ["GET /api/v1/discovery/campaigns/"] = Need.Read,
        ["GET /api/v1/discovery/campaigns/{id:guid}"] = Need.Read,
        ["POST /api/v1/discovery/campaigns/"] = Need.Write,
        ["PUT /api/v1/discovery/campaigns/{id:guid}"] = Need.Write,
        ["DELETE /api/v1/discovery/campaigns/{id:guid}"] = Need.Write,
        ["POST /api/v1/discovery/campaigns/{id:guid}/runs"] = Need.Write,
        ["GET /api/v1/discovery/keywords/"] = Need.Read,
        ["PUT /api/v1/discovery/keywords/{segment}"] = Need.Write,
        ["GET /api/v1/discovery/queries/"] = Need.Read,
        ["GET /api/v1/discovery/providers/"] = Need.Admin,
        ["PUT /api/v1/discovery/providers/{name}"] = Need.Admin,
        ["POST /api/v1/discovery/queries/drop"] = Need.Write,
        ["GET /api/v1/discovery/runs/"] = Need.Read,
        ["GET /api/v1/discovery/runs/{id:guid}"] = Need.Read,
        ["POST /api/v1/discovery/runs/research"] = Need.Write,
        ["POST /api/v1/discovery/runs/{id:guid}/cancel"] = Need.Write,
        ["POST /api/v1/discovery/runs/{id:guid}/pause"] = Need.Write,
        ["POST /api/v1/discovery/runs/{id:guid}/resume"] = Need.Write,
        ["GET /api/v1/discovery/alerts/"] = Need.Read,
        ["POST /api/v1/discovery/alerts/read"] = Need.Write,
        ["GET /api/v1/tasks/"] = Need.Read,
        ["GET /api/v1/tasks/{id:guid}"] = Need.Read,
        ["POST /api/v1/tasks/"] = Need.Write,
        ["PATCH /api/v1/tasks/{id:guid}"] = Need.Write,
        ["GET /api/v1/today/"] = Need.Read,
        ["GET /api/v1/discovery/prospects/"] = Need.Read,
        ["GET /api/v1/discovery/prospects/export.csv"] = Need.Read,
        ["GET /api/v1/discovery/prospects/{id:guid}"] = Need.Read,
        ["POST /api/v1/discovery/prospects/{id:guid}/accept"] = Need.Write,
        ["POST /api/v1/discovery/prospects/{id:guid}/reject"] = Need.Write,
        ["GET /api/v1/discovery/verdicts/"] = Need.Read,
        ["POST /api/v1/discovery/verdicts/"] = Need.Write,
        ["DELETE /api/v1/discovery/verdicts/{domain}"] = Need.Write,
        ["GET /api/v1/qualification/icp/"] = Need.Read,
        ["PUT /api/v1/qualification/icp/"] = Need.Admin,
        ["GET /api/v1/qualification/icp/versions"] = Need.Read,
        ["GET /api/v1/qualification/icp/versions/{number}"] = Need.Read,
        ["GET /api/v1/companies/{id:guid}/fit"] = Need.Read,
        ["POST /api/v1/companies/{id:guid}/fit/refresh"] = Need.Write,
        ["GET /api/v1/qualification/weights/"] = Need.Read,
        ["PUT /api/v1/qualification/weights/"] = Need.Admin,
        ["GET /api/v1/qualification/weights/versions"] = Need.Read,
        ["GET /api/v1/qualification/weights/versions/{number:int}"] = Need.Read,
        ["POST /api/v1/qualification/weights/preview"] = Need.Admin,
        ["GET /api/v1/leads/{id:guid}/score"] = Need.Read,
        ["GET /api/v1/policy/"] = Need.Read,
        ["POST /api/v1/policy/"] = Need.Write,
        ["DELETE /api/v1/policy/{id:guid}"] = Need.Admin,
        ["POST /api/v1/policy/check"] = Need.Read,
        ["GET /api/v1/merges/"] = Need.Read,
        ["POST /api/v1/merges/{id:guid}/undo"] = Need.Write,
        ["GET /api/v1/inbox/conversations"] = Need.Read,
        ["GET /api/v1/inbox/conversations/{id:guid}"] = Need.Read,
        ["POST /api/v1/inbox/conversations/{id:guid}/messages"] = Need.Write,
        ["POST /api/v1/inbox/conversations/{id:guid}/notes"] = Need.Write,
        ["POST /api/v1/inbox/conversations/{id:guid}/assign"] = Need.Write,
        ["POST /api/v1/inbox/conversations/{id:guid}/status"] = Need.Write,
        ["POST /api/v1/inbox/conversations/{id:guid}/read"] = Need.Read,
        ["POST /api/v1/inbox/conversations/{id:guid}/contact"] = Need.Write,
        ["GET /api/v1/inbox/templates"] = Need.Read,
        ["POST /api/v1/inbox/templates"] = Need.Write,
        ["PUT /api/v1/inbox/templates/{id:guid}"] = Need.Write,
        ["DELETE /api/v1/inbox/templates/{id:guid}"] = Need.Admin,
        ["POST /api/v1/inbox/templates/{id:guid}/preview"] = Need.Read,
        ["POST /api/v1/inbox/templates/sync"] = Need.Admin,
        ["POST /api/v1/inbox/sandbox/messages"] = Need.Write,
        ["GET /api/v1/inbox/settings"] = Need.Admin,
        ["PUT /api/v1/inbox/settings"] = Need.Admin,
        ["POST /api/v1/inbox/settings/test"] = Need.Admin,
        ["POST /api/v1/inbox/backfill"] = Need.Admin,
        ["GET /api/v1/inbox/suppressions"] = Need.Read,
        ["POST /api/v1/inbox/suppressions"] = Need.Write,
        ["DELETE /api/v1/inbox/suppressions/{id:guid}"] = Need.Admin,
        ["GET /api/v1/rules/"] = Need.Read,
        ["GET /api/v1/rules/{id:guid}"] = Need.Read,
        ["POST /api/v1/rules/"] = Need.Admin,
        ["PUT /api/v1/rules/{id:guid}"] = Need.Admin,
        ["POST /api/v1/rules/{id:guid}/enabled"] = Need.Admin,
        ["DELETE /api/v1/rules/{id:guid}"] = Need.Admin,
        ["POST /api/v1/rules/simulate"] = Need.Read,
        ["POST /api/v1/rules/{id:guid}/run"] = Need.Admin,
        ["GET /api/v1/rules/{id:guid}/log"] = Need.Read,
        ["GET /api/v1/notifications/"] = Need.Read,
        ["POST /api/v1/notifications/{id:guid}/read"] = Need.Read,
        ["POST /api/v1/notifications/read"] = Need.Read,
    };

    static AuthorizationMatrixTests()
    {
        foreach (var resource in new[] { "companies", "contacts", "leads" })
        {
            Matrix[$"GET /api/v1/{resource}/"] = Need.Read;
            Matrix[$"GET /api/v1/{resource}/{{id:guid}}"] = Need.Read;
            Matrix[$"GET /api/v1/{resource}/{{id:guid}}/timeline"] = Need.Read;
            Matrix[$"POST /api/v1/{resource}/"] = Need.Write;
            Matrix[$"PUT /api/v1/{resource}/{{id:guid}}"] = Need.Write;
            Matrix[$"POST /api/v1/{resource}/{{id:guid}}/archive"] = Need.Write;
            Matrix[$"POST /api/v1/{resource}/{{id:guid}}/restore"] = Need.Write;
            Matrix[$"DELETE /api/v1/{resource}/{{id:guid}}"] = Need.Admin;
        }
        Matrix.Remove("GET /api/v1/leads/bulk/count");
    }

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
        var missing = ApiEndpoints().Select(e => $"{e.Method} {e.Pattern}").Where(k => !Matrix.ContainsKey(k)).ToList();
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
            var need = Matrix[$"{method} {pattern}"];
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
