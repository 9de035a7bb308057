using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Qualification.Lookalikes;

/// <summary>
/// Companies as sparse TF-IDF vectors (the <see cref="TermsPerCompany"/> heaviest terms each, unit length) with their
/// firmographics, and an inverted index from each term to the CLIENTS that have it, so a query touches only the
/// clients sharing a term with the company instead of scanning every vector. Not thread-safe: the owner
/// (<see cref="LookalikeIndex"/>) serialises writers against readers.
/// </summary>
/// <remarks>
/// IDF is ln((N + 1) / (df + 1)) + 1 over the companies of the last full build; an incremental
/// <see cref="Upsert"/> counts a new company's terms in but re-weights no other vector, which is why the owner
/// rebuilds in full now and then. The vocabulary is capped at <see cref="VocabularyMax"/> terms (later new terms
/// are left out), so memory stays bounded: about 100 bytes of vector per company plus the postings of clients.
/// </remarks>
public sealed partial class SimilarityIndex
{
    public const int TermsPerCompany = 32, VocabularyMax = 300_000;

    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _display = [];
    private readonly List<int> _df = [];
    private readonly List<Postings?> _postings = [];
    private readonly List<Entry?> _entries = [];
    private readonly Dictionary<Guid, int> _slots = [];
    private readonly Stack<int> _free = new();
    private int _documents;

    public int Count => _slots.Count;
    public int VocabularySize => _termIds.Count;
    public bool Contains(Guid id) => _slots.ContainsKey(id);

    /// <summary>Builds the index in two passes: document frequencies first, then the weighted vectors.</summary>
    public static SimilarityIndex Build(IEnumerable<CompanyDoc> docs)
    {
        var builder = new Builder();
        foreach (var doc in docs)
        {
            builder.Add(doc);
        }
        return builder.Finish();
    }

    /// <summary>Takes companies one at a time (keeping their terms, not their texts), then weighs them all.</summary>
    public sealed class Builder
    {
        private readonly SimilarityIndex _index = new();
        private readonly List<(CompanyDoc Doc, int[] Terms, float[] Counts)> _counted = [];

        public int Count => _counted.Count;

        public void Add(CompanyDoc doc)
        {
            var surface = new Dictionary<string, string>(StringComparer.Ordinal);
            var (terms, counts) = _index.Intern(doc.TermCounts(surface), surface, countDf: true);
            _counted.Add((doc with { SiteText = "", SiteTitle = null, SiteDescription = null, Tags = [] }, terms,
                counts));
        }

        public SimilarityIndex Finish()
        {
            _index._documents = _counted.Count;
            foreach (var (doc, terms, counts) in _counted)
            {
                if (!_index._slots.ContainsKey(doc.Id))
                {
                    _index.Place(doc, terms, counts);
                }
            }
            _counted.Clear();
            return _index;
        }
    }

    /// <summary>Adds a company or replaces what the index knows of it.</summary>
    public void Upsert(CompanyDoc doc)
    {
        var isNew = !_slots.ContainsKey(doc.Id);
        Remove(doc.Id);
        var surface = new Dictionary<string, string>(StringComparer.Ordinal);
        var (terms, counts) = Intern(doc.TermCounts(surface), surface, countDf: isNew);
        if (isNew)
        {
            _documents++;
        }
        Place(doc, terms, counts);
    }

    public void Remove(Guid id)
    {
        if (!_slots.Remove(id, out var slot))
        {
            return;
        }
        var entry = _entries[slot]!;
        if (entry.Client is not null)
        {
            foreach (var t in entry.Terms)
            {
                _postings[t]!.Remove(slot);
            }
            ClientsChanged();
        }
        _entries[slot] = null;
        _free.Push(slot);
    }

    /// <summary>The vector a company would have, without adding it (a company the index does not hold).</summary>
    internal Entry Vectorise(CompanyDoc doc)
    {
        var terms = new List<int>();
        var counts = new List<float>();
        foreach (var (term, count) in doc.TermCounts())
        {
            if (_termIds.TryGetValue(term, out var id))
            {
                terms.Add(id);
                counts.Add(count);
            }
        }
        return Weigh(doc, [.. terms], [.. counts]);
    }

    private (int[] Terms, float[] Counts) Intern(Dictionary<string, float> counts,
        Dictionary<string, string> surface, bool countDf)
    {
        var terms = new List<int>(counts.Count);
        var values = new List<float>(counts.Count);
        foreach (var (term, count) in counts)
        {
            if (!_termIds.TryGetValue(term, out var id))
            {
                if (_termIds.Count >= VocabularyMax)
                {
                    continue;
                }
                id = _termIds.Count;
                _termIds[term] = id;
                _display.Add(surface.GetValueOrDefault(term, term));
                _df.Add(0);
                _postings.Add(null);
            }
            if (countDf)
            {
                _df[id]++;
            }
            terms.Add(id);
            values.Add(count);
        }
        return ([.. terms], [.. values]);
    }

    private void Place(CompanyDoc doc, int[] terms, float[] counts)
    {
        var entry = Weigh(doc, terms, counts);
        var slot = _free.Count > 0 ? _free.Pop() : _entries.Count;
        if (slot == _entries.Count)
        {
            _entries.Add(entry);
        }
        else
        {
            _entries[slot] = entry;
        }
        _slots[doc.Id] = slot;
        if (entry.Client is not null)
        {
            for (var i = 0; i < entry.Terms.Length; i++)
            {
                (_postings[entry.Terms[i]] ??= new Postings()).Add(slot, entry.Weights[i]);
            }
            ClientsChanged();
        }
    }

    // Sub-linear term frequency times IDF; the heaviest terms kept, sorted by term id for merging, unit length.
    private Entry Weigh(CompanyDoc doc, int[] terms, float[] counts)
    {
        var n = _documents;
        var weighted = new (int Term, float Weight)[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var idf = Math.Log((n + 1.0) / (_df[terms[i]] + 1.0)) + 1;
            weighted[i] = (terms[i], (float)((1 + Math.Log(Math.Max(counts[i], 1))) * idf));
        }
        var kept = weighted.OrderByDescending(x => x.Weight).Take(TermsPerCompany).OrderBy(x => x.Term).ToArray();
        var norm = Math.Sqrt(kept.Sum(x => (double)x.Weight * x.Weight));
        return new Entry
        {
            Id = doc.Id,
            Name = doc.Name,
            Segment = doc.Segment,
            Country = doc.Country,
            Size = doc.Size,
            Client = doc.Client,
            Terms = [.. kept.Select(x => x.Term)],
            Weights = [.. kept.Select(x => norm > 0 ? (float)(x.Weight / norm) : 0f)],
        };
    }

    internal sealed class Entry
    {
        public required Guid Id { get; init; }
        public required string Name { get; init; }
        public required Segment Segment { get; init; }
        public required string? Country { get; init; }
        public required SizeBand Size { get; init; }
        public required ClientFacts? Client { get; init; }
        public required int[] Terms { get; init; }
        public required float[] Weights { get; init; }
    }

    /// <summary>The clients having one term: slots and the term's weight in each, unordered.</summary>
    private sealed class Postings
    {
        public int[] Slots = new int[4];
        public float[] Weights = new float[4];
        public int Count;

        public void Add(int slot, float weight)
        {
            if (Count == Slots.Length)
            {
                Array.Resize(ref Slots, Count * 2);
                Array.Resize(ref Weights, Count * 2);
            }
            Slots[Count] = slot;
            Weights[Count++] = weight;
        }

        public void Remove(int slot)
        {
            var i = Array.IndexOf(Slots, slot, 0, Count);
            if (i >= 0)
            {
                Count--;
                Slots[i] = Slots[Count];
                Weights[i] = Weights[Count];
            }
        }
    }
}
