using CsvHelper;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Duplicates;

namespace LeadAgent.Tests.Duplicates;

/// <summary>
/// Company duplicate detection measured on a labelled fixture of 235 pairs (Fixtures/Duplicates/company-pairs.csv):
/// legal-form variants, umlauts, &amp;/and/und, same domain with other spellings, same VAT, same phone, typos, generic
/// words (duplicates); same name in another city or country, shared-platform subdomains, near names with other
/// websites, different companies (not duplicates).
/// </summary>
public sealed class DuplicateDetectionTests
{
    private sealed record LabelledPair(string Category, bool Same, CompanyFacts A, CompanyFacts B);

    private static List<LabelledPair> Fixture()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Duplicates", "company-pairs.csv");
        var rows = new List<LabelledPair>();
        using var reader = CsvReader.Create(new StringReader(File.ReadAllText(path)),
            new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true });
        var header = true;
        while (reader.Read())
        {
            var v = reader.Current.ToArray();
            if (header)
            {
                header = false;
                continue;
            }
            rows.Add(new LabelledPair(v[0], v[1] == "1", Facts(v[2..8]), Facts(v[8..14])));
        }
        return rows;
    }

    private static CompanyFacts Facts(string[] v)
    {
        string? Opt(string s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var country = Opt(v[2]);
        return new CompanyFacts(Guid.NewGuid(), v[0], CompanyNames.Key(v[0]), DomainName.Parse(Opt(v[1])).Domain,
            country, Opt(v[3]), Opt(v[4]) is { } phone ? ContactPoints.Phone(phone, country ?? "ZZ").Value : null,
            CompanyNames.RegistrationId(v[5]));
    }

    [Fact]
    public void Precision_and_recall_on_the_labelled_company_pairs()
    {
        var pairs = Fixture();
        Assert.True(pairs.Count >= 200);
        int tp = 0, fp = 0, fn = 0;
        foreach (var p in pairs)
        {
            var predicted = CompanyMatcher.Compare(p.A, p.B) is { Confidence: >= CompanyMatcher.Threshold };
            if (predicted && p.Same)
            {
                tp++;
            }
            else if (predicted)
            {
                fp++;
                TestContext.Current.TestOutputHelper?
                    .WriteLine($"false positive ({p.Category}): {p.A.Name} / {p.B.Name}");
            }
            else if (p.Same)
            {
                fn++;
                TestContext.Current.TestOutputHelper?.WriteLine($"missed ({p.Category}): {p.A.Name} / {p.B.Name}");
            }
        }
        var precision = (double)tp / (tp + fp);
        var recall = (double)tp / (tp + fn);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{pairs.Count} pairs: precision {precision:P1}, recall {recall:P1} (tp {tp}, fp {fp}, fn {fn})");
        Assert.True(precision >= 0.95, $"precision {precision:P1} recall {recall:P1} tp {tp} fp {fp} fn {fn}");
        Assert.True(recall >= 0.90, $"recall {recall:P1}");
    }

    [Fact]
    public void Blocking_finds_every_pair_the_pairwise_comparison_accepts()
    {
        var pairs = Fixture();
        var all = pairs.SelectMany(p => new[] { p.A, p.B }).ToList();
        var found = CompanyMatcher.Detect(all).Select(m => (m.A, m.B)).ToHashSet();
        foreach (var p in pairs.Where(
            p => CompanyMatcher.Compare(p.A, p.B) is { Confidence: >= CompanyMatcher.Threshold }))
        {
            Assert.Contains(DuplicatePair.Order(p.A.Id, p.B.Id), found);
        }
        // Pairs across fixture rows are different companies: blocking must not flood the queue with them.
        var labelled = pairs.Select(p => DuplicatePair.Order(p.A.Id, p.B.Id)).ToHashSet();
        var unlabelled = found.Where(f => !labelled.Contains(f)).ToList();
        Assert.True(unlabelled.Count <= 3, string.Join("; ", unlabelled));
    }

    [Theory]
    [InlineData("schroeder messebau", "schroder messebau")]
    [InlineData("mueller and sohne", "muller and soehne")]
    [InlineData("event werk", "eventwerk")]
    public void Loose_keys_fold_transliterations_and_spaces(string a, string b) =>
        Assert.Equal(Similarity.Loose(a), Similarity.Loose(b));

    [Fact]
    public void Names_that_differ_only_in_numbers_are_not_similar()
    {
        CompanyFacts Facts(string name) =>
            new(Guid.NewGuid(), name, CompanyNames.Key(name), null, "DE", null, null, null);
        Assert.Null(CompanyMatcher.Compare(Facts("Eventwerk 123 GmbH"), Facts("Eventwerk 124 GmbH")));
        Assert.NotNull(CompanyMatcher.Compare(Facts("Eventwerk 123 GmbH"), Facts("Eventwerck 123")));
        var company = Guid.NewGuid();
        Assert.Null(ContactMatcher.Compare(
            new(Guid.NewGuid(), "Anna1", "Muster1", company, []),
            new(Guid.NewGuid(), "Anna2", "Muster2", company, [])));
        Assert.NotNull(ContactMatcher.Compare(
            new(Guid.NewGuid(), "Anna", "Muster", company, []), new(Guid.NewGuid(), "Anne", "Muster", company, [])));
    }

    [Theory]
    [InlineData("eventwerk", "eventwerck", 0.94)]
    [InlineData("martha", "marhta", 0.96)]
    public void Jaro_winkler_scores_near_names_high(string a, string b, double atLeast)
    {
        var similarity = Similarity.JaroWinkler(a, b);
        Assert.True(similarity >= atLeast, similarity.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
