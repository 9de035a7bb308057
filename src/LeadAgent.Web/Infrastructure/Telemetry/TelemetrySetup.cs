using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LeadAgent.Web.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry metrics and traces: ASP.NET Core, outgoing HTTP, EF Core and Npgsql, the runtime, and every meter
/// a feature creates under <see cref="MeterPrefix"/>. Metrics are scraped by Prometheus from
/// <see cref="TelemetryOptions.PrometheusPath"/> (admins only) and, with an OTLP endpoint, pushed with the traces.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>Features name their meters <c>LeadAgent.&lt;Feature&gt;</c>; all of them are collected.</summary>
    public const string MeterPrefix = "LeadAgent";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var otlp = builder.Configuration[$"{TelemetryOptions.Section}:OtlpEndpoint"];
        var version = typeof(TelemetrySetup).Assembly.GetName().Version?.ToString() ?? "unknown";
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("leadagent", serviceVersion: version,
                serviceInstanceId: Environment.MachineName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", MeterPrefix, MeterPrefix + ".*")
                .AddPrometheusExporter());
        var otlpFromEnvironment = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (string.IsNullOrWhiteSpace(otlp) && !otlpFromEnvironment)
        {
            // Traces are only exported over OTLP: without it, recording a span per query and request would cost
            // CPU on every one of them for nothing.
            return builder;
        }
        telemetry.WithTracing(t => t
            .AddAspNetCoreInstrumentation(o => o.Filter = c => !IsProbe(c.Request.Path))
            .AddHttpClientInstrumentation()
            .AddEntityFrameworkCoreInstrumentation()
            .AddSource("Npgsql", MeterPrefix + ".*"));
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.UseOtlpExporter(OtlpExportProtocol.Grpc, new Uri(otlp));
        }
        else
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>
    /// The scrape endpoint, for admins' API tokens (<paramref name="tokenScheme"/>): a scraper without one gets 401
    /// rather than the login page.
    /// </summary>
    public static IEndpointRouteBuilder MapTelemetry(this IEndpointRouteBuilder app, string tokenScheme)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        app.MapPrometheusScrapingEndpoint(options.PrometheusPath)
            .RequireAuthorization(new AuthorizeAttribute(Policies.Admin) { AuthenticationSchemes = tokenScheme });
        return app;
    }

    // Health probes run every few seconds; tracing them would drown the requests people look at.
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz");
}
