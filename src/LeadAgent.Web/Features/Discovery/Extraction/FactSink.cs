namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>One page's facts in the order found, once each, with a cap per field against runaway pages.</summary>
internal sealed class FactSink(string sourceUrl)
{
    private const int PerField = 40;

    private readonly List<Fact> _facts = [];
    private readonly HashSet<(string, string, string)> _seen = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public IReadOnlyList<Fact> Facts => _facts;

    public bool Add(string field, string? value, string method)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value) || !_seen.Add((field, value, method)))
        {
            return false;
        }
        var count = _counts.GetValueOrDefault(field);
        if (count >= PerField)
        {
            return false;
        }
        _counts[field] = count + 1;
        _facts.Add(new Fact(field, value, sourceUrl, method));
        return true;
    }

    public string? First(string field) => _facts.Find(f => f.Field == field)?.Value;
}
