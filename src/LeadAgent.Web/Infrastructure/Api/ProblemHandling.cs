using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Infrastructure.Api;

/// <summary>Maps domain exceptions to RFC 9457 problem details.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log)
    : IExceptionHandler
{
    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is Npgsql.PostgresException { SqlState: "23505" }
        || (e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } s
            && s.Message.Contains("UNIQUE", StringComparison.Ordinal));

    // "$.score" → "score"; "$" (whole body) → "body".
    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    private static string JsonMessage(System.Text.Json.JsonException j) =>
        j.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? "Has the wrong type."
            : "Is not valid JSON here.";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationFailedException v => new HttpValidationProblemDetails(v.Errors)
            {
                Status = 400,
                Title = "One or more fields are invalid.",
            },
            NotFoundException n => new ProblemDetails { Status = 404, Title = "Not found.", Detail = n.Message },
            ForbiddenException f => new ProblemDetails { Status = 403, Title = "Forbidden.", Detail = f.Message },
            ConflictException c => new ProblemDetails { Status = 409, Title = "Conflict.", Detail = c.Message },
            PayloadTooLargeException p => new ProblemDetails { Status = 413, Title = "Too large.", Detail = p.Message },
            UnsupportedMediaException u => new ProblemDetails
            {
                Status = 415,
                Title = "Unsupported media type.",
                Detail = u.Message,
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = 409,
                Title = "The record was changed by someone else.",
                Detail = "Reload it and apply your change again.",
            },
            DbUpdateException d when IsUniqueViolation(d) => new ProblemDetails
            {
                Status = 409,
                Title = "A record with the same unique value already exists.",
            },
            BadHttpRequestException { InnerException: System.Text.Json.JsonException j } =>
                new HttpValidationProblemDetails(
                    new Dictionary<string, string[]> { [JsonField(j.Path)] = [JsonMessage(j)] })
                { Status = 400, Title = "The request body is not valid JSON for this endpoint." },
            BadHttpRequestException b when BindingErrors.From(b.Message) is { } fields =>
                new HttpValidationProblemDetails(fields) { Status = 400, Title = "One or more fields are invalid." },
            BadHttpRequestException b => new ProblemDetails
            {
                Status = b.StatusCode,
                Title = "Bad request.",
                Detail = b.Message,
            },
            // A SQLite statement interrupted by its cancellation token (Data/SqliteInterrupt): the request ran past
            // its time limit (or its client left, who reads no answer).
            Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 9 } => new ProblemDetails
            {
                Status = 503,
                Title = "The request took too long.",
                Detail = "It was stopped with its query; try again in a moment, or narrow it.",
            },
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled error on {Path}", http.Request.Path);
            return false;
        }
        http.Response.StatusCode = problem.Status ?? 500;
        if (problem.Status == 503)
        {
            http.Response.Headers.RetryAfter = "5";
        }
        if (http.Response.HasStarted)
        {
            return false;
        }
        return await problems.TryWriteAsync(
            new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}

internal static partial class ProblemSetup
{
    public static IServiceCollection AddProblemHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: 404, title: "Not found.");
}
