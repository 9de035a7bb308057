namespace LeadAgent.Web.Features.Qualification.Lookalikes;

/// <summary>Which clients a query looks among: all, those with an annual value, or the best.</summary>
public enum ClientKind { Any, Valued, Best }

/// <summary>Queries: the nearest clients of a company, exact top-k with candidate pruning.</summary>
public sealed partial class SimilarityIndex
{
    /// <summary>Clients up to this many count as the best as soon as they have an annual value.</summary>
    public const int AllBestBelow = 20;
    /// <summary>How many best clients <see cref="ClientSimilarity"/> averages over.</summary>
    public const int BestClientsAveraged = 5;
    private const int SharedTermsShown = 4;

    [ThreadStatic] private static float[]? _accumulator;
    [ThreadStatic] private static List<int>? _touched;
    private readonly Lock _clientsLock = new();
    private volatile ClientSet? _clientSet;

    public int ClientCount => Clients().Slots.Length;

    /// <summary>
    /// A client is among the best when its annual order value (workspace currency) is in the top quarter of all
    /// clients' — or, with at most <see cref="AllBestBelow"/> clients, when it has any annual value.
    /// </summary>
    public bool IsBest(ClientFacts client) => client.AnnualValue > 0 && client.AnnualValue >= Clients().BestFrom;

    /// <summary>The k clients most like a company the index holds (never itself); empty when it holds none.</summary>
    public IReadOnlyList<LookalikeMatch> Nearest(Guid companyId, int k, ClientKind kind = ClientKind.Any) =>
        _slots.TryGetValue(companyId, out var slot) ? Nearest(_entries[slot]!, k, kind) : [];

    /// <summary>The k clients most like a company the index does not hold (a discovery prospect, say).</summary>
    public IReadOnlyList<LookalikeMatch> Nearest(CompanyDoc doc, int k, ClientKind kind = ClientKind.Any) =>
        Nearest(Vectorise(doc), k, kind);

    /// <summary>
    /// Mean similarity to the <see cref="BestClientsAveraged"/> best clients most like the company; null when the
    /// index holds neither the company nor any best client.
    /// </summary>
    public double? ClientSimilarity(Guid companyId)
    {
        var best = Nearest(companyId, BestClientsAveraged, ClientKind.Best);
        return best.Count == 0 ? null : Math.Round(best.Average(m => m.Similarity), 4);
    }

    private IReadOnlyList<LookalikeMatch> Nearest(Entry query, int k, ClientKind kind)
    {
        var clients = Clients();
        if (k <= 0 || clients.Slots.Length == 0)
        {
            return [];
        }
        var acc = _accumulator is { } a && a.Length >= _entries.Count
            ? a : _accumulator = new float[_entries.Count * 2];
        var touched = _touched ??= [];
        // Text: walk the postings of the query's terms, accumulating dot products of the clients sharing one.
        for (var i = 0; i < query.Terms.Length; i++)
        {
            if (_postings[query.Terms[i]] is not { } p)
            {
                continue;
            }
            var w = query.Weights[i];
            for (var j = 0; j < p.Count; j++)
            {
                var slot = p.Slots[j];
                if (acc[slot] == 0)
                {
                    touched.Add(slot);
                }
                acc[slot] += w * p.Weights[j];
            }
        }
        var top = new TopK(k);
        foreach (var slot in touched)
        {
            Offer(query, slot, acc[slot], kind, top);
        }
        // A client sharing no term scores its firmographics only, at most NoTextBound: look at them only when
        // that could still place one among the top k (so the result is exact).
        if (!top.Full || top.Lowest < Firmographics.NoTextBound)
        {
            foreach (var slot in clients.Slots)
            {
                if (acc[slot] == 0)
                {
                    Offer(query, slot, 0, kind, top);
                }
            }
        }
        foreach (var slot in touched)
        {
            acc[slot] = 0;
        }
        touched.Clear();
        return [.. top.Ordered().Select(x => Match(query, _entries[x.Slot]!, x.Score, x.Text))];
    }

    private void Offer(Entry query, int slot, float text, ClientKind kind, TopK top)
    {
        var c = _entries[slot]!;
        if (c.Id == query.Id || !Accepts(kind, c.Client!))
        {
            return;
        }
        var score = Firmographics.TextWeight * Math.Min(text, 1)
            + Firmographics.Score(query.Segment, query.Size, query.Country, c.Segment, c.Size, c.Country);
        top.Offer(slot, score, Math.Min(text, 1));
    }

    private LookalikeMatch Match(Entry query, Entry client, double score, double text)
    {
        // Shared terms, heaviest first by the product of their weights (both term arrays are sorted by id).
        var shared = new List<(int Term, float W)>();
        for (int i = 0, j = 0; i < query.Terms.Length && j < client.Terms.Length;)
        {
            var cmp = query.Terms[i].CompareTo(client.Terms[j]);
            if (cmp == 0)
            {
                shared.Add((query.Terms[i], query.Weights[i] * client.Weights[j]));
                i++;
                j++;
            }
            else if (cmp < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        var facts = client.Client!;
        return new LookalikeMatch(client.Id, client.Name, Math.Round(score, 4), Math.Round(text, 4),
            client.Segment, Firmographics.SameSegment(query.Segment, client.Segment), client.Size,
            Firmographics.SizeScore(query.Size, client.Size) == 1, client.Country,
            Firmographics.Region(query.Country, client.Country),
            [.. shared.OrderByDescending(x => x.W).Take(SharedTermsShown).Select(x => _display[x.Term])],
            facts.Categories, facts.AnnualValue, facts.Orders);
    }

    private bool Accepts(ClientKind kind, ClientFacts client) => kind switch
    {
        ClientKind.Valued => client.AnnualValue > 0,
        ClientKind.Best => IsBest(client),
        _ => true,
    };

    private void ClientsChanged() => _clientSet = null;

    private ClientSet Clients()
    {
        if (_clientSet is { } set)
        {
            return set;
        }
        lock (_clientsLock)
        {
            if (_clientSet is { } again)
            {
                return again;
            }
            var slots = new List<int>();
            for (var i = 0; i < _entries.Count; i++)
            {
                if (_entries[i]?.Client is not null)
                {
                    slots.Add(i);
                }
            }
            var values = slots.Select(s => _entries[s]!.Client!.AnnualValue).Where(v => v > 0)
                .OrderByDescending(v => v).ToList();
            var bestFrom = values.Count == 0 ? decimal.MaxValue
                : values.Count <= AllBestBelow ? values[^1]
                : values[(values.Count / 4) - 1];
            return _clientSet = new ClientSet([.. slots], bestFrom);
        }
    }

    private sealed record ClientSet(int[] Slots, decimal BestFrom);

    /// <summary>The k best offers so far, kept sorted (k is small).</summary>
    private sealed class TopK(int k)
    {
        private readonly List<(int Slot, double Score, double Text)> _items = new(k + 1);

        public bool Full => _items.Count == k;
        public double Lowest => _items.Count == 0 ? 0 : _items[^1].Score;

        public void Offer(int slot, double score, double text)
        {
            if (Full && score <= Lowest)
            {
                return;
            }
            var at = _items.FindIndex(x => x.Score < score);
            _items.Insert(at < 0 ? _items.Count : at, (slot, score, text));
            if (_items.Count > k)
            {
                _items.RemoveAt(k);
            }
        }

        public IEnumerable<(int Slot, double Score, double Text)> Ordered() => _items;
    }
}
