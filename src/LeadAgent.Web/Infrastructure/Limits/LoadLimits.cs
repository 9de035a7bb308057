using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Infrastructure.Limits;

/// <summary>
/// Keeps the server answering under load: each user or API token gets a token bucket of API requests, heavy queries
/// share a concurrency limit with a queue (so a burst waits its turn instead of starving the thread pool and
/// <c>/healthz</c>), and a heavy request that runs too long is cancelled with its query. Refusals are RFC 9457
/// problems: 429 with <c>Retry-After</c>, or 503 for a timeout.
/// </summary>
public static class LoadLimits
{
    /// <summary>The policy name heavy endpoints opt in to (rate limiting and request timeout).</summary>
    public const string Heavy = "heavy";

    public static IHostApplicationBuilder AddLoadLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LimitOptions>().BindConfiguration(LimitOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PerCaller);
            o.AddPolicy(Heavy, http =>
            {
                var limits = Options(http);
                return RateLimitPartition.GetConcurrencyLimiter(Heavy, _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = limits.EffectiveHeavyConcurrency,
                    QueueLimit = limits.HeavyQueue,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
            o.OnRejected = (context, _) => RefuseAsync(context.HttpContext,
                context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1));
        });
        builder.Services.AddRequestTimeouts();
        builder.Services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<LimitOptions>>((o, limits) =>
            o.AddPolicy(Heavy, new RequestTimeoutPolicy
            {
                Timeout = TimeSpan.FromSeconds(limits.Value.HeavyTimeoutSeconds),
                TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
                WriteTimeoutResponse = TimedOutAsync,
            }));
        return builder;
    }

    /// <summary>
    /// Before authentication: at most <see cref="LimitOptions.ApiConcurrency"/> API requests at once. SQLite answers
    /// synchronously, so each request in flight can hold a thread; bounded, and with the thread pool sized for it,
    /// health checks and pages never wait for the pool to grow.
    /// </summary>
    public static WebApplication UseApiGate(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<LimitOptions>>().Value;
        ThreadPool.GetMinThreads(out var workers, out var io);
        var needed = limits.EffectiveApiConcurrency + 4 * Environment.ProcessorCount;
        ThreadPool.SetMinThreads(Math.Max(workers, needed), io);
        var gate = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = limits.EffectiveApiConcurrency,
            QueueLimit = limits.ApiQueue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var wait = TimeSpan.FromSeconds(limits.HeavyTimeoutSeconds);
        // Exports stream for as long as the client reads: they would hold a slot that long, so they pass by.
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.Value!.EndsWith(
            "/export", StringComparison.Ordinal), api => api.Use(async (http, next) =>
        {
            using var waited = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            waited.CancelAfter(wait);
            RateLimitLease lease;
            try
            {
                lease = await gate.AcquireAsync(1, waited.Token);
            }
            catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
            {
                await RefuseAsync(http, TimeSpan.FromSeconds(1));   // waited a whole time limit for a turn
                return;
            }
            using (lease)
            {
                if (!lease.IsAcquired)
                {
                    await RefuseAsync(http, TimeSpan.FromSeconds(1));
                    return;
                }
                // A query past the request's time limit stops with it (on SQLite too) and frees this turn.
                SqliteInterrupt.ForThisRequest();
                await next(http);
            }
        }));
        return app;
    }

    /// <summary>After authentication, so API requests are counted per user or token.</summary>
    public static WebApplication UseLoadLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>A heavy read: queued behind the concurrency limit and cancelled after the time limit.</summary>
    public static RouteHandlerBuilder HeavyQuery(this RouteHandlerBuilder b)
    {
        b.WithRequestTimeout(Heavy);
        return b.RequireRateLimiting(Heavy).ProducesProblem(429).ProducesProblem(503);
    }

    /// <summary>
    /// A long download (an export): never cut off mid-stream, and outside the heavy queue and the API gate, where a
    /// slow reader would hold a turn others wait for. The caller's request budget still applies.
    /// </summary>
    public static RouteHandlerBuilder StreamedDownload(this RouteHandlerBuilder b)
    {
        b.DisableRequestTimeout();
        return b.ProducesProblem(429);
    }

    // Signed-in API callers only: pages and their circuit, health checks and signed webhooks are not counted here.
    private static RateLimitPartition<string> PerCaller(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/api") || http.User.Identity?.IsAuthenticated != true)
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var key = http.User.FindFirstValue(AppClaims.TokenId) is { } token
            ? "token:" + token
            : "user:" + http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var limits = Options(http);
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = limits.Burst,
            TokensPerPeriod = limits.RequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static LimitOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<LimitOptions>>().Value;

    private static async ValueTask RefuseAsync(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await WriteAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests.",
            $"The server is busy or this caller sent too many requests; try again in {seconds} s.");
    }

    private static Task TimedOutAsync(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "5";
        return WriteAsync(http, StatusCodes.Status503ServiceUnavailable, "The request took too long.",
            "The query was stopped after the time limit; narrow the filters or ask again later.");
    }

    private static async Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        // The problem writer declines when the client accepts no JSON (an export asked as text/csv): write it anyway.
        if (!await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(
                new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }))
        {
            await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null,
                "application/problem+json");
        }
    }
}
