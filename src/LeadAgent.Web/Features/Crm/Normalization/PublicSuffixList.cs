using System.Globalization;
using System.Text;

namespace LeadAgent.Web.Features.Crm.Normalization;

/// <summary>
/// The Public Suffix List (https://publicsuffix.org, both its ICANN and PRIVATE sections) and its algorithm
/// (https://github.com/publicsuffix/list/wiki/Format): the longest matching rule wins, <c>*.x</c> matches one more
/// label under <c>x</c>, an exception <c>!y.x</c> prevails and removes its leftmost label, and the default rule is
/// <c>*</c>. Rules are kept in A-label (punycode) form in one dictionary that is probed with spans of the host (no
/// substring per label). The list ships embedded (Data/public_suffix_list.dat, refreshed by
/// scripts/refresh-public-suffix-list.sh).
/// </summary>
public sealed class PublicSuffixList
{
    [Flags]
    private enum Rule : byte { Normal = 1, Wildcard = 2, Exception = 4 }

    private const string Resource = "LeadAgent.Web.PublicSuffixList";

    private readonly Dictionary<string, Rule> _rules;
    private readonly Dictionary<string, Rule>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private PublicSuffixList(Dictionary<string, Rule> rules)
    {
        _rules = rules;
        _lookup = rules.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The embedded list, read once on first use.</summary>
    public static PublicSuffixList Embedded => Holder.List;

    /// <summary>Number of rules read (a wildcard and a normal rule on the same name count once).</summary>
    public int Count => _rules.Count;

    /// <summary>Reads a list in the publicsuffix.org format.</summary>
    public static PublicSuffixList Parse(TextReader reader)
    {
        var rules = new Dictionary<string, Rule>(16_384, StringComparer.Ordinal);
        var idn = new IdnMapping();
        while (reader.ReadLine() is { } line)
        {
            // A rule is the line's first word; "//" starts a comment (section markers included).
            var text = line.AsSpan().Trim();
            var space = text.IndexOfAny(' ', '\t');
            if (space >= 0)
            {
                text = text[..space];
            }
            if (text.IsEmpty || text.StartsWith("//"))
            {
                continue;
            }
            var kind = Rule.Normal;
            if (text.StartsWith("!"))
            {
                kind = Rule.Exception;
                text = text[1..];
            }
            else if (text.StartsWith("*."))
            {
                kind = Rule.Wildcard;
                text = text[2..];
            }
            if (text.IsEmpty || text.Contains('*') || text.Contains('!'))
            {
                continue; // Not a form the algorithm defines.
            }
            if (ToAscii(idn, text) is { } name)
            {
                rules[name] = rules.GetValueOrDefault(name) | kind;
            }
        }
        return new PublicSuffixList(rules);
    }

    // A rule this runtime's IDNA tables cannot convert is skipped rather than failing the whole list; no host could
    // be converted to match it either.
    private static string? ToAscii(IdnMapping idn, ReadOnlySpan<char> rule)
    {
        if (Ascii.IsValid(rule))
        {
            return rule.ToString().ToLowerInvariant();
        }
        try
        {
            return idn.GetAscii(rule.ToString()).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// How many labels of <paramref name="host"/> form its public suffix. The host must be A-label, lower case,
    /// without empty labels (see <see cref="DomainName.Registrable"/>).
    /// </summary>
    public int SuffixLabels(ReadOnlySpan<char> host)
    {
        var labels = host.Count('.') + 1;
        var best = 1; // the default rule "*"
        var k = 0;
        for (var i = host.Length - 1; i >= -1; i--)
        {
            if (i >= 0 && host[i] != '.')
            {
                continue;
            }
            k++;
            if (!_lookup.TryGetValue(host[(i + 1)..], out var rule))
            {
                continue;
            }
            if ((rule & Rule.Exception) != 0)
            {
                return k - 1; // an exception prevails over every other match
            }
            if ((rule & Rule.Normal) != 0)
            {
                best = Math.Max(best, k);
            }
            if ((rule & Rule.Wildcard) != 0 && k < labels)
            {
                best = Math.Max(best, k + 1);
            }
        }
        return best;
    }

    private static class Holder
    {
        public static readonly PublicSuffixList List = Load();

        private static PublicSuffixList Load()
        {
            using var stream = typeof(PublicSuffixList).Assembly.GetManifestResourceStream(Resource)
                ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
            using var reader = new StreamReader(stream);
            return Parse(reader);
        }
    }
}
