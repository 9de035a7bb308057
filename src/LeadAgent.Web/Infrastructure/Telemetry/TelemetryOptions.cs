using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Infrastructure.Telemetry;

/// <summary>Metrics and traces (section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Where Prometheus scrapes the metrics; admins only (an admin's API token).</summary>
    [Required, RegularExpression("^/[A-Za-z0-9/_-]*$")]
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>
    /// An OpenTelemetry collector to push metrics, traces and logs to (OTLP, e.g. <c>http://collector:4317</c>);
    /// empty: nothing is pushed. The standard <c>OTEL_EXPORTER_OTLP_*</c> variables work as well.
    /// </summary>
    [Url]
    public string? OtlpEndpoint { get; set; }
}
