using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Features.Imports;

public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Rows saved per transaction; progress is committed with each batch.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 2000;

    /// <summary>
    /// How long a worker's claim on a run lasts without progress before another instance may take it over.
    /// </summary>
    [Range(2, 3600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>
    /// How often idle workers look for queued runs (a run started on this instance wakes them at once).
    /// </summary>
    [Range(1, 300)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>Largest accepted upload.</summary>
    [Range(1, 1024)]
    public int MaxFileMegabytes { get; set; } = 100;

    /// <summary>Widest accepted file: more columns than any CRM export has, few enough to preview at once.</summary>
    [Range(1, 16_384)]
    public int MaxColumns { get; set; } = 500;
}
