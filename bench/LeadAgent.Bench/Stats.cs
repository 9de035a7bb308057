using System.Diagnostics;

namespace LeadAgent.Bench;

internal sealed class Stats(string name)
{
    private readonly List<double> _ms = [];

    public string Name => name;

    public async Task<T> TimeAsync<T>(Func<Task<T>> action)
    {
        var sw = Stopwatch.StartNew();
        var result = await action();
        _ms.Add(sw.Elapsed.TotalMilliseconds);
        return result;
    }

    public void Add(double ms) => _ms.Add(ms);

    public double P(double q)
    {
        var sorted = _ms.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public override string ToString() =>
        $"{name,-44} n={_ms.Count,4}  p50={P(0.5),7:F2} ms  p95={P(0.95),7:F2} ms  max={_ms.Max(),7:F2} ms";
}
