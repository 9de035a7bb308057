using System.Runtime.CompilerServices;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Signals;

namespace LeadAgent.Web.Features.Qualification.Segments;

/// <summary>
/// The rules: weighted ICP terms over a company's name, industry, tags and site (title and description weigh more
/// than body text), repeats saturating, not-fit and excluded terms, and size for corporate clients. Pure and
/// thread-safe; build one per ICP version (<see cref="For"/> keeps them) and call <see cref="Classify"/>.
/// </summary>
public sealed partial class SegmentClassifier
{
    /// <summary>The fields terms are read from, with how much a find there weighs.</summary>
    public static readonly (string Name, float Weight)[] Fields =
        [("name", 2.5f), ("title", 2.5f), ("description", 2f), ("industry", 3f), ("tags", 2f), ("site", 1f)];

    private const double NotFitWeight = 1.4, ExcludedAt = 2.0, TermCap = 5.0, Prior = 1.5, Enough = 0.6;
    private static readonly ConditionalWeakTable<IcpSet, SegmentClassifier> Cache = [];

    [ThreadStatic] private static char[]? _buffer;
    [ThreadStatic] private static List<TermText.Word>? _words;

    public SegmentClassifier(IcpSet icp) => Lexicon = new SegmentLexicon(icp);

    public SegmentLexicon Lexicon { get; }

    /// <summary>The classifier of an ICP, compiled once and kept while the ICP object lives.</summary>
    public static SegmentClassifier For(IcpSet icp) => Cache.GetValue(icp, x => new SegmentClassifier(x));

    public SegmentVerdict Classify(CompanySignals s)
    {
        var hits = Hits(s);
        var scores = new double[Scores.Length];
        var evidence = new List<SegmentEvidence>();
        var excluded = new double[Scores.Length];
        var required = new bool[Scores.Length];
        foreach (var (term, perField) in hits)
        {
            double sum = 0, best = 0;
            var source = 0;
            for (var f = 0; f < Fields.Length; f++)
            {
                var part = Fields[f].Weight * Saturate(perField[f]);
                sum += part;
                if (part > best)
                {
                    (best, source) = (part, f);
                }
            }
            var value = Math.Min(TermCap, sum) * term.Weight;
            var target = term.Role == TermRole.Keyword ? term.Segment : Segment.NotAFit;
            switch (term.Role)
            {
                case TermRole.Required:
                    required[Index(term.Segment)] = true;
                    continue;
                case TermRole.Excluded:
                    excluded[Index(term.Segment)] += value;
                    break;
            }
            var weight = term.Role == TermRole.NotFit ? value * NotFitWeight : value;
            scores[Index(target)] += weight;
            evidence.Add(new SegmentEvidence(term.Term, target, Math.Round(weight, 2), Fields[source].Name));
        }
        foreach (var segment in Lexicon.Icp.Segments.Where(x => x.Segment is not (Segment.Unknown or Segment.NotAFit)))
        {
            var i = Index(segment.Segment);
            if (!segment.Enabled || excluded[i] >= ExcludedAt || (segment.Required.Count > 0 && !required[i]))
            {
                var cut = segment.Enabled && excluded[i] < ExcludedAt ? 0.3 : 0.15;
                if (scores[i] > 0)
                {
                    evidence.Add(new SegmentEvidence(segment.Enabled && excluded[i] >= ExcludedAt ? "excluded term"
                        : segment.Enabled ? "required term missing" : "segment disabled", segment.Segment,
                        -Math.Round(scores[i] * (1 - cut), 2), "icp"));
                }
                scores[i] *= cut;
            }
        }
        Firmographics(s, scores, evidence);
        return Decide(s, scores, evidence);
    }

    /// <summary>The classes the rules score: the four segments and not a fit.</summary>
    public static readonly Segment[] Scores =
        [Segment.EventAgency, Segment.CorporateClient, Segment.BrandOwner, Segment.Reseller, Segment.NotAFit];

    public static int Index(Segment s) => Array.IndexOf(Scores, s);

    // 1 find counts 1, 2 count 1.35, 4 count 1.7, never more than 2: a page repeating a word says it once.
    private static double Saturate(float count) => count <= 1 ? count : Math.Min(2, 1 + 0.5 * Math.Log(count));

    private Dictionary<LexiconTerm, float[]> Hits(CompanySignals s)
    {
        var byId = new Dictionary<int, (LexiconTerm Term, float[] PerField)>();
        var buffer = _buffer ??= new char[4096];
        var words = _words ??= new List<TermText.Word>(512);
        string?[] texts = [s.Name, s.SiteTitle, s.SiteDescription, s.Industry, string.Join(" | ", s.Tags), s.SiteText];
        for (var f = 0; f < texts.Length; f++)
        {
            if (string.IsNullOrWhiteSpace(texts[f]))
            {
                continue;
            }
            TermText.Split(texts[f], ref buffer, words);
            var field = f;
            TermMatcher.Match(Lexicon, buffer, words, (term, weight) =>
            {
                if (!byId.TryGetValue(term.Id, out var hit))
                {
                    byId[term.Id] = hit = (term, new float[Fields.Length]);
                }
                hit.PerField[field] += weight;
            });
        }
        _buffer = buffer;
        return byId.Values.ToDictionary(x => x.Term, x => x.PerField);
    }
}
