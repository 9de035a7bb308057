using System.Diagnostics.Metrics;

namespace LeadAgent.Web.Features.Qualification.Work;

/// <summary>How much judging the brain does: records judged by kind, and queued changes worked.</summary>
public sealed class QualificationMetrics
{
    public const string MeterName = "LeadAgent.Qualification";

    private readonly Counter<long> _judged;
    private readonly Counter<long> _worked;

    public QualificationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _judged = meter.CreateCounter<long>("leadagent.qualification.judged", "{record}",
            "Records judged again, by kind: company (segment, fit, potential) or lead (score, rules, next actions).");
        _worked = meter.CreateCounter<long>("leadagent.qualification.queue.worked", "{change}",
            "Queued changes worked (each claimed by one instance), by outcome: done or retry.");
    }

    public void Judged(string kind, int count) =>
        _judged.Add(count, new KeyValuePair<string, object?>("kind", kind));

    public void Worked(string outcome, int count) =>
        _worked.Add(count, new KeyValuePair<string, object?>("outcome", outcome));
}
