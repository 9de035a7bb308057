using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Infrastructure.Limits;

/// <summary>
/// How much of the server one caller, and all heavy queries together, may take (section <c>Limits</c>).
/// </summary>
public sealed class LimitOptions
{
    public const string Section = "Limits";

    /// <summary>API requests each user or token may make per second, on average.</summary>
    [Range(1, 100_000)]
    public int RequestsPerSecond { get; set; } = 20;

    /// <summary>How many API requests one user or token may make at once after a quiet spell.</summary>
    [Range(1, 100_000)]
    public int Burst { get; set; } = 200;

    /// <summary>
    /// API requests handled at once, before authentication (which reads the database); the others wait their turn
    /// without holding a thread. 0 = eight per core.
    /// </summary>
    [Range(0, 10_000)]
    public int ApiConcurrency { get; set; }

    /// <summary>API requests waiting for a turn; more are refused at once with 429.</summary>
    [Range(0, 100_000)]
    public int ApiQueue { get; set; } = 2_000;

    /// <summary>Heavy queries (lists with filters and counts, exports) running at once; 0 = twice the cores.</summary>
    [Range(0, 1_000)]
    public int HeavyConcurrency { get; set; }

    /// <summary>Heavy queries waiting for a turn; more are refused at once with 429.</summary>
    [Range(0, 100_000)]
    public int HeavyQueue { get; set; } = 1_000;

    /// <summary>A heavy API request that takes longer is cancelled (its query too) and answered with 503.</summary>
    [Range(1, 3_600)]
    public int HeavyTimeoutSeconds { get; set; } = 30;

    /// <summary>List totals count this many rows at most, then say "more" (an exact count is on request).</summary>
    [Range(1, 10_000_000)]
    public int TotalCap { get; set; } = 1_000;

    public int EffectiveHeavyConcurrency => HeavyConcurrency > 0 ? HeavyConcurrency : 2 * Environment.ProcessorCount;

    public int EffectiveApiConcurrency => ApiConcurrency > 0 ? ApiConcurrency : 8 * Environment.ProcessorCount;
}
