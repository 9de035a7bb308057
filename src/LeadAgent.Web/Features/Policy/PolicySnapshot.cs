using System.Runtime.InteropServices;

namespace LeadAgent.Web.Features.Policy;

/// <summary>What a subject is, spelled out in normalised values: what the lists are matched against.</summary>
public sealed class PolicyFacts
{
    /// <summary>Website hosts (a.b.example.de), matched by domain entries with their subdomains.</summary>
    public List<string> Hosts { get; } = [];
    /// <summary>Normalised e-mail addresses, matched by e-mail, e-mail-domain and domain entries.</summary>
    public List<string> Emails { get; } = [];
    /// <summary>E.164 numbers.</summary>
    public List<string> Phones { get; } = [];
    public List<Guid> Companies { get; } = [];
    public List<Guid> Contacts { get; } = [];
    /// <summary>Company names and site text, searched for keywords word by word.</summary>
    public List<string> Texts { get; } = [];
}

/// <summary>
/// The allow and block lists at one moment, indexed for matching. A subject is blocked when a block entry matches it
/// and no allow entry matching it is at least as specific: a contact is more specific than its e-mail or phone, those
/// than a company, a company than a domain, a subdomain than its parent, a domain than a keyword. So an allowed
/// address exempts its owner from a blocked domain, an allowed company from a keyword, but neither an allowed domain
/// nor an allowed address exempts a contact blocked by name.
/// </summary>
public sealed class PolicySnapshot
{
    public static readonly PolicySnapshot Empty = new([], "");

    private readonly Side _block, _allow;

    public PolicySnapshot(IReadOnlyList<PolicyEntry> entries, string stamp)
    {
        Entries = entries;
        Stamp = stamp;
        _block = new Side(entries.Where(e => e.List == PolicyList.Block));
        _allow = new Side(entries.Where(e => e.List == PolicyList.Allow));
    }

    public IReadOnlyList<PolicyEntry> Entries { get; }

    /// <summary>The change stamp of the table this was loaded at (see <see cref="PolicyCheck"/>).</summary>
    public string Stamp { get; }

    /// <summary>Nothing can be blocked: callers skip loading what they would check.</summary>
    public bool NothingBlocked => _block.Count == 0;

    /// <summary>Whether any keyword entry exists (names and texts are then worth loading).</summary>
    public bool HasKeywords => _block.Keywords.Count > 0 || _allow.Keywords.Count > 0;

    public PolicyVerdict Check(PolicyFacts facts)
    {
        if (NothingBlocked)
        {
            return PolicyVerdict.Clear;
        }
        var blocked = _block.Best(facts, 0);
        if (blocked is null)
        {
            return PolicyVerdict.Clear;
        }
        // Only an allow entry at least as specific as the most specific block exempts the subject.
        var allowed = _allow.Best(facts, blocked.Value.Rank);
        return allowed is null ? new PolicyVerdict(true, blocked.Value.Entry) : PolicyVerdict.Clear;
    }

    /// <summary>How specific a match is (higher wins); see the class summary.</summary>
    public static int Rank(PolicyEntry e) => e.Kind switch
    {
        PolicyKind.Contact => 420,
        PolicyKind.Email or PolicyKind.Phone => 410,
        PolicyKind.Company => 300,
        PolicyKind.Domain or PolicyKind.EmailDomain => 200 + Math.Min(99, e.Value.Count(c => c == '.')),
        _ => 100,
    };

    private sealed class Side
    {
        private readonly Dictionary<string, PolicyEntry> _hosts = [], _mailDomains = [], _emails = [], _phones = [];
        private readonly Dictionary<Guid, PolicyEntry> _ids = [];

        public Side(IEnumerable<PolicyEntry> entries)
        {
            foreach (var e in entries)
            {
                Count++;
                switch (e.Kind)
                {
                    case PolicyKind.Domain:
                        _hosts[e.Value] = e;
                        break;
                    case PolicyKind.EmailDomain:
                        _mailDomains[e.Value] = e;
                        break;
                    case PolicyKind.Email:
                        _emails[e.Value] = e;
                        break;
                    case PolicyKind.Phone:
                        _phones[e.Value] = e;
                        break;
                    case PolicyKind.Company or PolicyKind.Contact when Guid.TryParse(e.Value, out var id):
                        _ids[id] = e;
                        break;
                    case PolicyKind.Keyword when PolicyValues.Words(e.Value) is { Count: > 0 } words:
                        if (!Keywords.TryGetValue(words[0], out var list))
                        {
                            Keywords[words[0]] = list = [];
                        }
                        list.Add((words.ToArray(), e));
                        break;
                }
            }
        }

        public int Count { get; }

        /// <summary>Keyword entries by their first word.</summary>
        public Dictionary<string, List<(string[] Words, PolicyEntry Entry)>> Keywords { get; } = [];

        /// <summary>The most specific matching entry of at least rank <paramref name="min"/>.</summary>
        public (PolicyEntry Entry, int Rank)? Best(PolicyFacts f, int min)
        {
            (PolicyEntry Entry, int Rank)? best = null;
            void Consider(PolicyEntry? e)
            {
                if (e is not null && Rank(e) is var rank && rank >= min && (best is null || rank > best.Value.Rank))
                {
                    best = (e, rank);
                }
            }
            foreach (var id in f.Contacts.Concat(f.Companies))
            {
                Consider(_ids.GetValueOrDefault(id));
            }
            foreach (var email in f.Emails)
            {
                Consider(_emails.GetValueOrDefault(email));
                var host = email[(email.LastIndexOf('@') + 1)..];
                foreach (var h in PolicyValues.HostAndParents(host))
                {
                    Consider(_mailDomains.GetValueOrDefault(h));
                    Consider(_hosts.GetValueOrDefault(h));
                }
            }
            foreach (var phone in f.Phones)
            {
                Consider(_phones.GetValueOrDefault(phone));
            }
            foreach (var h in f.Hosts.SelectMany(PolicyValues.HostAndParents))
            {
                Consider(_hosts.GetValueOrDefault(h));
            }
            if (Keywords.Count > 0 && (best is null || best.Value.Rank < 100) && min <= 100)
            {
                foreach (var text in f.Texts)
                {
                    Consider(Keyword(PolicyValues.Words(text)));
                }
            }
            return best;
        }

        private PolicyEntry? Keyword(List<string> words)
        {
            for (var i = 0; i < words.Count; i++)
            {
                if (!Keywords.TryGetValue(words[i], out var candidates))
                {
                    continue;
                }
                foreach (var (kw, entry) in candidates)
                {
                    if (i + kw.Length <= words.Count && kw.AsSpan(1).SequenceEqual(
                            CollectionsMarshal.AsSpan(words).Slice(i + 1, kw.Length - 1)))
                    {
                        return entry;
                    }
                }
            }
            return null;
        }
    }
}
