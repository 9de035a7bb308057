using System.Security.Claims;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm.Companies;
using LeadAgent.Web.Features.Crm.Contacts;
using LeadAgent.Web.Features.Crm.Leads;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Crm.Export;

internal static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("leads", "Leads").MapGet("/export", async (HttpContext http, IDbContextFactory<AppDbContext> f, ClaimsPrincipal user,
            [AsParameters] LeadListQuery q, CancellationToken ct) =>
        {
            var errors = new Errors();
            var filter = q.ToFilter(errors);
            filter.Validate(errors);
            errors.ThrowIfAny();
            await using var db = await f.CreateDbContextAsync(ct);
            Start(http, "leads");
            await CsvExport.WriteAsync(http.Response.Body, LeadExport.Rows(db, filter, user.UserId()), LeadExport.Columns, ct);
        }).WithSummary("Every lead matching the filters (same parameters as the list) as CSV, streamed; the columns are the ones the import accepts")
            .Produces(200, contentType: "text/csv");

        app.MapApiGroup("companies", "Companies").MapGet("/export", async (HttpContext http, IDbContextFactory<AppDbContext> f,
            string? q, Segment? segment, string? country, string? tag, bool? includeArchived, CancellationToken ct) =>
        {
            var search = Search(q);
            await using var db = await f.CreateDbContextAsync(ct);
            Start(http, "companies");
            var query = new CompanyListQuery { Q = q, Segment = segment, Country = country, Tag = tag, IncludeArchived = includeArchived };
            await CsvExport.WriteAsync(http.Response.Body, CompanyExport.Rows(db, query, search), CompanyExport.Columns, ct);
        }).WithSummary("Every company matching the filters (same as the list) as CSV, streamed").Produces(200, contentType: "text/csv");

        app.MapApiGroup("contacts", "Contacts").MapGet("/export", async (HttpContext http, IDbContextFactory<AppDbContext> f,
            string? q, Guid? companyId, bool? includeArchived, CancellationToken ct) =>
        {
            var search = Search(q);
            await using var db = await f.CreateDbContextAsync(ct);
            Start(http, "contacts");
            var query = new ContactListQuery { Q = q, CompanyId = companyId, IncludeArchived = includeArchived };
            await CsvExport.WriteAsync(http.Response.Body, ContactExport.Rows(db, query, search), ContactExport.Columns, ct);
        }).WithSummary("Every contact matching the filters (same as the list) as CSV, streamed").Produces(200, contentType: "text/csv");

        app.MapApiGroup("orders", "Orders").MapGet("/export", async (HttpContext http, IDbContextFactory<AppDbContext> f, Guid? companyId, CancellationToken ct) =>
        {
            await using var db = await f.CreateDbContextAsync(ct);
            Start(http, "orders");
            await CsvExport.WriteAsync(http.Response.Body, OrderExport.Rows(db, companyId), OrderExport.Columns, ct);
        }).WithSummary("Every order (or a company's) as CSV, one row per order line, streamed").Produces(200, contentType: "text/csv");
    }

    // Validated before the response starts, so a bad value is still a 400 problem, not a broken download.
    private static string? Search(string? q)
    {
        var errors = new Errors();
        var search = errors.Optional("q", q, 200)?.ToLower(System.Globalization.CultureInfo.InvariantCulture);
        errors.ThrowIfAny();
        return search;
    }

    private static void Start(HttpContext http, string name)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}-{now:yyyyMMdd-HHmm}.csv\"";
    }
}
