using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Web.Features.Duplicates;

/// <summary>
/// What duplicate detection compares of a contact; identities are normalised e-mails, E.164 phones and handles.
/// </summary>
public sealed record ContactFacts(
    Guid Id, string FirstName, string? LastName, Guid? CompanyId, IReadOnlyList<string> Identities)
{
    public string NameKey { get; } = CompanyNames.Key($"{FirstName} {LastName}");
}

/// <summary>
/// Likely duplicate contacts: the same e-mail or phone, or the same or a similar name at the same company.
/// </summary>
public static class ContactMatcher
{
    public static MatchResult? Compare(ContactFacts a, ContactFacts b)
    {
        var evidence = new List<string>();
        double p = 0;
        foreach (var shared in a.Identities.Intersect(b.Identities))
        {
            p = 1 - (1 - p) * 0.05;
            evidence.Add(shared.Contains('@')
                ? $"Same e-mail {shared}"
                : shared.StartsWith('+') ? $"Same phone {shared}" : $"Same profile {shared}");
        }
        if (a.CompanyId is not null && a.CompanyId == b.CompanyId)
        {
            if (a.NameKey == b.NameKey)
            {
                p = 1 - (1 - p) * 0.15;
                evidence.Add("Same name at the same company");
            }
            else if (Similarity.SameNumbers(a.NameKey, b.NameKey)
                && Similarity.JaroWinkler(a.NameKey, b.NameKey) is var similar
                && similar >= 0.92)
            {
                p = 1 - (1 - p) * 0.35;
                evidence.Add($"Similar names at the same company ({similar:P0} alike)");
            }
        }
        if (evidence.Count == 0)
        {
            return null;
        }
        if (a.CompanyId is not null && b.CompanyId is not null && a.CompanyId != b.CompanyId)
        {
            p *= 0.7;
            evidence.Add("But: at different companies");
        }
        var (first, second) = DuplicatePair.Order(a.Id, b.Id);
        return new MatchResult(first, second, (int)Math.Round(p * 100), evidence);
    }

    public static List<MatchResult> Detect(IReadOnlyList<ContactFacts> contacts)
    {
        var seen = new HashSet<(Guid, Guid)>();
        var results = new List<MatchResult>();
        void Pairs(IEnumerable<IGrouping<string, ContactFacts>> blocks)
        {
            foreach (var block in blocks)
            {
                // A shared generic address (info@) across hundreds of contacts is not evidence worth hundreds of pairs.
                var members = block.Take(50).ToList();
                for (var i = 0; i < members.Count; i++)
                {
                    for (var j = i + 1; j < members.Count; j++)
                    {
                        if (seen.Add(DuplicatePair.Order(members[i].Id, members[j].Id))
                            && Compare(members[i], members[j]) is { Confidence: >= CompanyMatcher.Threshold } m)
                        {
                            results.Add(m);
                        }
                    }
                }
            }
        }
        Pairs(contacts
            .SelectMany(c => c.Identities.Distinct().Select(i => (i, c)))
            .GroupBy(x => x.i, x => x.c)
            .Where(g => g.Skip(1).Any()));
        Pairs(contacts.Where(c => c.CompanyId is not null).GroupBy(c => $"{c.CompanyId}").Where(g => g.Skip(1).Any()));
        return results;
    }
}
