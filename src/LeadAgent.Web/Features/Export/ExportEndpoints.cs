using System.Security.Claims;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Companies.Export;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Contacts.Export;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Leads.Export;
using LeadAgent.Web.Features.Orders.Export;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Limits;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Export;

internal static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("leads", "Leads").MapGet("/export", async (
            HttpContext http, IDbContextFactory<AppDbContext> f, CustomFieldService fields, ClaimsPrincipal user,
            [AsParameters] LeadListQuery q, string? format, CancellationToken ct) =>
        {
            var xlsx = Xlsx(format);
            var errors = new Errors();
            var filter = q.ToFilter(errors) with
            {
                Custom = await fields.ConditionsAsync(FieldRecord.Lead, http.Request.Query, ct),
            };
            filter.Validate(errors);
            errors.ThrowIfAny();
            var columns = await CustomFieldExport.ColumnsAsync(fields, FieldRecord.Lead, LeadExport.Columns,
                r => r.CustomFields, ct);
            await using var db = await f.CreateDbContextAsync(ct);
            await SendAsync(http, "leads", xlsx, LeadExport.Rows(db, filter, user.UserId()), columns, ct);
        }).WithSummary("Every lead matching the filters (same parameters as the list) as CSV (or ?format=xlsx), "
                + "streamed; the columns are the ones the import accepts")
            .Produces(200, null, "text/csv", XlsxType).StreamedDownload();

        app.MapApiGroup("companies", "Companies").MapGet("/export", async (
            HttpContext http, IDbContextFactory<AppDbContext> f, CustomFieldService fields,
            string? q, Segment? segment, string? country, string? tag, bool? includeArchived, string? format,
            CancellationToken ct) =>
        {
            var xlsx = Xlsx(format);
            var search = Search(q);
            var custom = await fields.ConditionsAsync(FieldRecord.Company, http.Request.Query, ct);
            var columns = await CustomFieldExport.ColumnsAsync(fields, FieldRecord.Company, CompanyExport.Columns,
                c => c.CustomFields, ct);
            await using var db = await f.CreateDbContextAsync(ct);
            var query = new CompanyListQuery
            {
                Q = q,
                Segment = segment,
                Country = country,
                Tag = tag,
                IncludeArchived = includeArchived,
            };
            await SendAsync(http, "companies", xlsx, CompanyExport.Rows(db, query, search, custom), columns, ct);
        }).WithSummary("Every company matching the filters (same as the list) as CSV (or ?format=xlsx), streamed")
            .Produces(200, null, "text/csv", XlsxType).StreamedDownload();

        app.MapApiGroup("contacts", "Contacts").MapGet("/export", async (
            HttpContext http, IDbContextFactory<AppDbContext> f, CustomFieldService fields,
            string? q, Guid? companyId, bool? includeArchived, string? format, CancellationToken ct) =>
        {
            var xlsx = Xlsx(format);
            var search = Search(q);
            var custom = await fields.ConditionsAsync(FieldRecord.Contact, http.Request.Query, ct);
            var columns = await CustomFieldExport.ColumnsAsync(fields, FieldRecord.Contact, ContactExport.Columns,
                c => c.CustomFields, ct);
            await using var db = await f.CreateDbContextAsync(ct);
            var query = new ContactListQuery { Q = q, CompanyId = companyId, IncludeArchived = includeArchived };
            await SendAsync(http, "contacts", xlsx, ContactExport.Rows(db, query, search, custom), columns, ct);
        }).WithSummary("Every contact matching the filters (same as the list) as CSV (or ?format=xlsx), streamed")
            .Produces(200, null, "text/csv", XlsxType).StreamedDownload();

        app.MapApiGroup("orders", "Orders").MapGet("/export", async (
            HttpContext http, IDbContextFactory<AppDbContext> f, Guid? companyId, string? format,
            CancellationToken ct) =>
        {
            var xlsx = Xlsx(format);
            await using var db = await f.CreateDbContextAsync(ct);
            await SendAsync(http, "orders", xlsx, OrderExport.Rows(db, companyId), OrderExport.Columns, ct);
        }).WithSummary("Every order (or a company's) as CSV (or ?format=xlsx), one row per order line, streamed")
            .Produces(200, null, "text/csv", XlsxType).StreamedDownload();
    }

    // Validated before the response starts, so a bad value is still a 400 problem, not a broken download.
    private static string? Search(string? q)
    {
        var errors = new Errors();
        var search = errors.Optional("q", q, 200)?.ToLower(System.Globalization.CultureInfo.InvariantCulture);
        errors.ThrowIfAny();
        return search;
    }

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Checked before the response starts, like the filters.
    private static bool Xlsx(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => false,
        "xlsx" => true,
        _ => throw new ValidationFailedException(
            new Dictionary<string, string[]> { ["format"] = ["Must be csv or xlsx."] }),
    };

    private static async Task SendAsync<T>(
        HttpContext http, string name, bool xlsx, IAsyncEnumerable<T> rows, IReadOnlyList<Column<T>> columns,
        CancellationToken ct)
    {
        http.Response.ContentType = xlsx ? XlsxType : "text/csv; charset=utf-8";
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        http.Response.Headers.ContentDisposition =
            ContentDisposition.Attachment($"{name}-{now:yyyyMMdd-HHmm}.{(xlsx ? "xlsx" : "csv")}");
        if (xlsx)
        {
            await XlsxExport.WriteAsync(http.Response.Body, rows, columns, name, ct);
        }
        else
        {
            await CsvExport.WriteAsync(http.Response.Body, rows, columns, ct);
        }
    }
}
