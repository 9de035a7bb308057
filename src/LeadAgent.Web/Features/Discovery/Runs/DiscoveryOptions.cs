using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary><c>Discovery:Runs:…</c>: how runs are worked.</summary>
public sealed class DiscoveryOptions
{
    public const string Section = "Discovery:Runs";

    /// <summary>How long a node's claim on a run lasts without renewal (renewed every third of it).</summary>
    [Range(10, 3600)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Sites researched at once (each at its own polite pace).</summary>
    [Range(1, 256)]
    public int SitesInParallel { get; set; } = 64;

    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 15;

    /// <summary>The longest a provider's <c>Retry-After</c> is waited for before the query is given up.</summary>
    [Range(0, 3600)]
    public int MaxProviderWaitSeconds { get; set; } = 60;

    /// <summary>Off: this node neither schedules nor works runs (other nodes do).</summary>
    public bool Worker { get; set; } = true;

    /// <summary>Where alerts are POSTed as JSON (a chat or incident webhook); none when empty.</summary>
    public string? AlertWebhookUrl { get; set; }
}
