using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Web.Features.Duplicates;

/// <summary>What duplicate detection compares of a company.</summary>
public sealed record CompanyFacts(
    Guid Id,
    string Name,
    string NameKey,
    string? Domain,
    string? Country,
    string? City,
    string? Phone,
    string? RegistrationId);

public sealed record MatchResult(Guid A, Guid B, int Confidence, List<string> Evidence);

/// <summary>
/// Likely duplicate companies: exact keys first (registrable domain, VAT / register id, phone, normalised name),
/// then similar names; conflicting facts (other country, other website, other city) lower the confidence.
/// Candidates come from blocks that share a key, never from all pairs.
/// </summary>
public static class CompanyMatcher
{
    /// <summary>Pairs at or above this confidence go to the review queue.</summary>
    public const int Threshold = 60;

    // Larger blocks are compared only with their neighbours in name order (sorted neighbourhood).
    private const int FullBlock = 200;
    private const int Window = 12;

    public static MatchResult? Compare(CompanyFacts a, CompanyFacts b)
    {
        var evidence = new List<string>();
        double p = 0;
        void Add(double weight, string why)
        {
            p = 1 - (1 - p) * (1 - weight);
            evidence.Add(why);
        }
        var sameId = false;
        if (a.Domain is not null && a.Domain == b.Domain)
        {
            Add(0.97, $"Same website domain {a.Domain}");
            sameId = true;
        }
        if (a.RegistrationId is not null && a.RegistrationId == b.RegistrationId)
        {
            Add(0.95, $"Same VAT / register id {a.RegistrationId}");
            sameId = true;
        }
        if (a.Phone is not null && a.Phone == b.Phone)
        {
            Add(0.8, $"Same phone {a.Phone}");
        }
        if (a.NameKey.Length > 0 && a.NameKey == b.NameKey)
        {
            Add(0.85, a.Name.Equals(b.Name, StringComparison.OrdinalIgnoreCase)
                ? "Same name"
                : $"Same name apart from legal form and spelling (\"{a.NameKey}\")");
        }
        else if (a.NameKey.Length > 0 && Similarity.Loose(a.NameKey) == Similarity.Loose(b.NameKey))
        {
            Add(0.8, "Same name apart from umlauts, double letters or spaces");
        }
        else if (Similarity.SameDistinctiveWords(a.NameKey, b.NameKey))
        {
            Add(0.7, "Same name apart from generic words");
        }
        else if (Similarity.SameNumbers(a.NameKey, b.NameKey))
        {
            var similar = Similarity.JaroWinkler(a.NameKey, b.NameKey);
            if (similar >= 0.94)
            {
                Add(0.62 + (similar - 0.94) * 3, $"Similar names ({similar:P0} alike)");
            }
        }
        if (evidence.Count == 0)
        {
            return null;
        }
        // Conflicts weigh less when an identifier is shared (a company's second office still is the company).
        if (a.Country is not null && b.Country is not null && a.Country != b.Country)
        {
            p *= sameId ? 0.8 : 0.2;
            evidence.Add($"But: different countries ({a.Country} / {b.Country})");
        }
        if (a.Domain is not null && b.Domain is not null && a.Domain != b.Domain)
        {
            p *= 0.3;
            evidence.Add($"But: different websites ({a.Domain} / {b.Domain})");
        }
        if (a.RegistrationId is not null && b.RegistrationId is not null && a.RegistrationId != b.RegistrationId)
        {
            p *= 0.1;
            evidence.Add("But: different VAT / register ids");
        }
        if (a.City is not null
            && b.City is not null
            && !CompanyNames.Key(a.City).Equals(CompanyNames.Key(b.City), StringComparison.Ordinal))
        {
            p *= sameId ? 0.9 : 0.4;
            evidence.Add($"But: different cities ({a.City} / {b.City})");
        }
        var (first, second) = DuplicatePair.Order(a.Id, b.Id);
        return new MatchResult(first, second, (int)Math.Round(p * 100), evidence);
    }

    /// <summary>Every candidate pair at or above <see cref="Threshold"/>, found through blocking keys.</summary>
    public static List<MatchResult> Detect(IReadOnlyList<CompanyFacts> companies)
    {
        var seen = new HashSet<(Guid, Guid)>();
        var results = new List<MatchResult>();
        void Consider(CompanyFacts x, CompanyFacts y)
        {
            if (x.Id == y.Id || !seen.Add(DuplicatePair.Order(x.Id, y.Id)))
            {
                return;
            }
            if (Compare(x, y) is { Confidence: >= Threshold } match)
            {
                results.Add(match);
            }
        }
        void Blocks(Func<CompanyFacts, string?> key)
        {
            foreach (var block in companies
                .Where(c => key(c) is not null)
                .GroupBy(c => key(c)!)
                .Where(g => g.Skip(1).Any()))
            {
                var members = block.ToList();
                if (members.Count <= FullBlock)
                {
                    for (var i = 0; i < members.Count; i++)
                    {
                        for (var j = i + 1; j < members.Count; j++)
                        {
                            Consider(members[i], members[j]);
                        }
                    }
                    continue;
                }
                members.Sort((x, y) => string.CompareOrdinal(x.NameKey, y.NameKey));
                for (var i = 0; i < members.Count; i++)
                {
                    for (var j = i + 1; j < Math.Min(members.Count, i + Window); j++)
                    {
                        Consider(members[i], members[j]);
                    }
                }
            }
        }
        Blocks(c => c.Domain);
        Blocks(c => c.RegistrationId);
        Blocks(c => c.Phone);
        Blocks(c => c.NameKey.Length == 0 ? null : c.NameKey);
        Blocks(c => c.NameKey.Length == 0 ? null : Similarity.Loose(c.NameKey));
        // Similar names: the first word's consonants, within a country (a missing country joins every block of its
        // skeleton through the unkeyed block below).
        Blocks(c => c.NameKey.Length == 0 ? null : $"{Similarity.Skeleton(c.NameKey)}|{c.Country}");
        Blocks(c => c.NameKey.Length == 0 ? null : Similarity.Skeleton(c.NameKey, 5));
        return results;
    }
}
