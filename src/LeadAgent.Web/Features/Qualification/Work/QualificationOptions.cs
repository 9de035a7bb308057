using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Features.Qualification.Work;

public sealed class QualificationOptions
{
    public const string Section = "Qualification";

    /// <summary>Off: this node does not judge (other nodes do).</summary>
    public bool Worker { get; set; } = true;

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>How long a node's claim on queued work lasts without renewal.</summary>
    [Range(10, 3600)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>
    /// How often everything is judged again although nothing changed: time alone moves engagement, channel windows,
    /// quiet contacts and re-order dates.
    /// </summary>
    [Range(5, 7 * 24 * 60)]
    public int SweepMinutes { get; set; } = 60;

    /// <summary>Queued rows taken per round.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;
}
