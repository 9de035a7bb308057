using System.Security.Claims;
using LeadAgent.Web.Data;
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

        app.MapApiGroup("companies", "Companies").MapGet("/export", async (HttpContext http, IDbContextFactory<AppDbContext> f, bool? includeArchived, CancellationToken ct) =>
        {
            await using var db = await f.CreateDbContextAsync(ct);
            Start(http, "companies");
            await CsvExport.WriteAsync(http.Response.Body, CompanyExport.Rows(db, includeArchived ?? false), CompanyExport.Columns, ct);
        }).WithSummary("Every company as CSV, streamed").Produces(200, contentType: "text/csv");

        app.MapApiGroup("contacts", "Contacts").MapGet("/export", async (HttpContext http, IDbContextFactory<AppDbContext> f, bool? includeArchived, Guid? companyId, CancellationToken ct) =>
        {
            await using var db = await f.CreateDbContextAsync(ct);
            Start(http, "contacts");
            await CsvExport.WriteAsync(http.Response.Body, ContactExport.Rows(db, includeArchived ?? false, companyId), ContactExport.Columns, ct);
        }).WithSummary("Every contact (or a company's) as CSV, streamed").Produces(200, contentType: "text/csv");

        app.MapApiGroup("orders", "Orders").MapGet("/export", async (HttpContext http, IDbContextFactory<AppDbContext> f, Guid? companyId, CancellationToken ct) =>
        {
            await using var db = await f.CreateDbContextAsync(ct);
            Start(http, "orders");
            await CsvExport.WriteAsync(http.Response.Body, OrderExport.Rows(db, companyId), OrderExport.Columns, ct);
        }).WithSummary("Every order (or a company's) as CSV, one row per order line, streamed").Produces(200, contentType: "text/csv");
    }

    private static void Start(HttpContext http, string name)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}-{now:yyyyMMdd-HHmm}.csv\"";
    }
}
