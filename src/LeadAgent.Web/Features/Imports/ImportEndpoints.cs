using System.Security.Claims;
using System.Text.Json;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Imports;

/// <summary>Import query parameters; the file itself is the request body.</summary>
public sealed record ImportQuery(
    ImportKind? Kind,
    string? FileName,
    ImportMode? Mode,
    MatchKey? MatchKey,
    string? DefaultCountry,
    string? Encoding,
    string? Delimiter,
    bool? HasHeader,
    string? Mapping,
    string? NewCustomFields = null);

internal static class ImportEndpoints
{
    // The file is posted raw (text/csv or application/octet-stream), never as a form: browsers cannot send such a
    // request cross-site without a CORS preflight, so cookie-authenticated uploads need no antiforgery token.
    private static readonly string[] FileTypes =
    [
        "text/csv",
        "application/csv",
        "application/octet-stream",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ];

    public static void MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("imports", "Imports");
        g.MapPost(
                "/preview",
                async (HttpRequest request, ImportService s, [AsParameters] ImportQuery q, CancellationToken ct) =>
                {
                    var (content, settings, name) = await ReadAsync(request, q, ct);
                    return await s.PreviewAsync(name, content, settings, ct);
                })
            .Writes()
            .ProducesProblem(413)
            .ProducesProblem(415)
            .WithSummary("For the CSV file sent as the body (Content-Type: text/csv): detect encoding, delimiter and "
                + "header, propose a column mapping and show what the first rows would do; saves nothing");

        g.MapPost(
                "/",
                async Task<Accepted<ImportRunDto>> (
                    HttpRequest request,
                    ImportService s,
                    ClaimsPrincipal user,
                    [AsParameters] ImportQuery q,
                    CancellationToken ct) =>
                {
                    var (content, settings, name) = await ReadAsync(request, q, ct);
                    var userName = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "api";
                    var run = await s.StartAsync(name, content, settings, user.UserId(), userName, ct);
                    return TypedResults.Accepted($"/api/v1/imports/{run.Id}", run);
                })
            .Writes()
            .ProducesProblem(413)
            .ProducesProblem(415)
            .WithSummary("Queue an import of the CSV file sent as the body (Content-Type: text/csv); "
                + "poll the returned import for progress");

        g.MapGet(
                "/",
                (ImportService s, int? limit, string? cursor, CancellationToken ct) => s.ListAsync(limit, cursor, ct))
            .WithSummary("Import runs, newest first");
        g.MapGet("/{id:guid}", (ImportService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .ProducesProblem(404).WithSummary("An import's status and progress");
        g.MapPost("/{id:guid}/cancel", (ImportService s, Guid id, CancellationToken ct) => s.CancelAsync(id, ct))
            .Writes().WithSummary("Stop an import after the batch in progress; committed rows stay");
        g.MapGet(
                "/{id:guid}/issues",
                (ImportService s, Guid id, int? limit, CancellationToken ct) =>
                    s.IssuesAsync(id, Math.Clamp(limit ?? 100, 1, 1000), ct))
            .WithSummary("Rejected and skipped rows with their reasons, in file order");
        g.MapGet(
                "/{id:guid}/rejected.csv",
                async (HttpContext http, ImportService s, Guid id, RowOutcome? outcome, CancellationToken ct) =>
                {
                    var run = await s.GetAsync(id, ct);
                    http.Response.ContentType = "text/csv; charset=utf-8";
                    var what = outcome == RowOutcome.Skipped ? "skipped" : "rejected";
                    var file = $"{what}-{Path.GetFileNameWithoutExtension(run.FileName)}.csv";
                    http.Response.Headers.ContentDisposition = Export.ContentDisposition.Attachment(file);
                    var wanted = outcome == RowOutcome.Skipped ? RowOutcome.Skipped : RowOutcome.Rejected;
                    await s.WriteIssuesCsvAsync(id, wanted, http.Response.Body, ct);
                })
            .ProducesProblem(404)
            .Produces(200, contentType: "text/csv")
            .WithSummary("Rejected rows (or ?outcome=Skipped) as CSV with the file's columns and an error column, "
                + "to fix and re-import");
    }

    private static async Task<(byte[] Content, ImportSettings Settings, string Name)> ReadAsync(
        HttpRequest request, ImportQuery q, CancellationToken ct)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is null || !FileTypes.Contains(type))
        {
            throw new UnsupportedMediaException(
                $"Send the file as the request body with Content-Type text/csv (got {type ?? "none"}).");
        }
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<ImportOptions>>();
        var max = options.Value.MaxFileMegabytes * 1024L * 1024;
        var sizeFeature = request.HttpContext.Features
            .Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 1;
        }
        if (request.ContentLength > max)
        {
            throw new PayloadTooLargeException($"The file is larger than {max / 1024 / 1024} MB.");
        }
        var (file, over) = await BoundedRead.ReadAsync(request.Body, max, ct);
        if (over)
        {
            throw new PayloadTooLargeException($"The file is larger than {max / 1024 / 1024} MB.");
        }
        var mapping = Json<Dictionary<string, int>>(q.Mapping, "mapping",
            "Must be a JSON object of field name → column index, e.g. {\"name\":0,\"website\":2}.");
        var keep = Json<List<NewCustomFieldColumn>>(q.NewCustomFields, "newCustomFields",
            "Must be a JSON array of columns to keep as new custom fields, e.g. "
            + "[{\"column\":5,\"label\":\"Employees\",\"type\":\"Number\"}] (label and type optional).");
        var settings = new ImportSettings(
            q.Kind, q.Mode, q.MatchKey, q.DefaultCountry, q.Encoding, q.Delimiter, q.HasHeader, mapping, keep);
        return (file, settings, string.IsNullOrWhiteSpace(q.FileName) ? "upload.csv" : q.FileName.Trim());
    }

    private static readonly JsonSerializerOptions QueryJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    // A query parameter holding JSON; a malformed one is a field error with an example.
    private static T? Json<T>(string? text, string field, string message) where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(text, QueryJson);
        }
        catch (JsonException)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { [field] = [message] });
        }
    }
}
