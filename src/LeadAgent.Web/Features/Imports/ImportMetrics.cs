using System.Diagnostics.Metrics;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// The import's metrics: rows committed by outcome (their rate is the import speed, rows per second) and runs ended
/// by status.
/// </summary>
public sealed class ImportMetrics
{
    public const string MeterName = "LeadAgent.Imports";

    private readonly Counter<long> _rows;
    private readonly Counter<long> _runs;

    public ImportMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _rows = meter.CreateCounter<long>("leadagent.import.rows", "{row}",
            "Import rows committed, by outcome: created, updated, unchanged, skipped, rejected.");
        _runs = meter.CreateCounter<long>("leadagent.import.runs", "{run}",
            "Import runs ended, by status: completed, failed, cancelled.");
    }

    /// <summary>Counts a committed batch; <paramref name="counts"/> is indexed by <see cref="RowOutcome"/>.</summary>
    public void Committed(int[] counts)
    {
        foreach (var outcome in Enum.GetValues<RowOutcome>())
        {
            if (counts[(int)outcome] > 0)
            {
                _rows.Add(counts[(int)outcome], new KeyValuePair<string, object?>("outcome", Lower(outcome)));
            }
        }
    }

    public void Ended(ImportStatus status) => _runs.Add(1, new KeyValuePair<string, object?>("status", Lower(status)));

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
