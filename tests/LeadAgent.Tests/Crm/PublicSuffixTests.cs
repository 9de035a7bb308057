using System.Globalization;
using System.Text.RegularExpressions;
using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Tests.Crm;

/// <summary>
/// Registrable domains against the Public Suffix List project's own test file (Fixtures/PublicSuffix/test_psl.txt,
/// public domain), every case of it. Results are compared in the canonical A-label form.
/// </summary>
public sealed partial class PublicSuffixTests
{
    private static readonly string FixturePath =
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "PublicSuffix", "test_psl.txt");

    public static TheoryData<string?, string?> OfficialCases()
    {
        var data = new TheoryData<string?, string?>();
        foreach (var line in File.ReadLines(FixturePath))
        {
            if (CheckLine().Match(line) is { Success: true } m)
            {
                data.Add(Literal(m.Groups["host"].Value), Literal(m.Groups["expected"].Value));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OfficialCases))]
    public void Official_test_file_case(string? host, string? expected)
    {
        var canonical = expected is null ? null : new IdnMapping().GetAscii(expected).ToLowerInvariant();
        Assert.Equal(canonical, DomainName.Registrable(host));
    }

    [Fact]
    public void Every_active_line_of_the_official_test_file_is_a_case()
    {
        var active = File.ReadLines(FixturePath)
            .Count(l => l.StartsWith("checkPublicSuffix(", StringComparison.Ordinal));
        Assert.Equal(active, OfficialCases().Count);
        Assert.True(active >= 78, $"only {active} cases");
    }

    [Theory]
    [InlineData("brand.myshopify.com", "brand.myshopify.com")]
    [InlineData("www.brand.github.io", "brand.github.io")]
    [InlineData("shop.example.co.uk.", "example.co.uk")]
    [InlineData("ShOp.Example.CO.UK", "example.co.uk")]
    [InlineData("www.münchen-events.de", "xn--mnchen-events-wob.de")]
    [InlineData("a.b.sch.uk", "a.b.sch.uk")]
    public void Private_section_trailing_dots_case_and_IDNs_are_handled(string host, string expected) =>
        Assert.Equal(expected, DomainName.Registrable(host));

    [Theory]
    [InlineData("example..com")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("co.uk")]
    [InlineData("github.io")]
    public void Malformed_hosts_and_public_suffixes_have_no_registrable_domain(string host) =>
        Assert.Null(DomainName.Registrable(host));

    [Fact]
    public void Labels_over_63_and_names_over_253_characters_are_refused()
    {
        Assert.Null(DomainName.Registrable(new string('a', 64) + ".com"));
        Assert.Equal(new string('a', 63) + ".com", DomainName.Registrable(new string('a', 63) + ".com"));
        var tooLong = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".com";
        Assert.Null(DomainName.Registrable(tooLong));
    }

    [Fact]
    public void The_whole_embedded_list_is_loaded_with_both_sections() =>
        // The list holds about 10,000 ICANN and 5,000+ private rules; the old fallback had ~50.
        Assert.True(PublicSuffixList.Embedded.Count > 9_000, $"{PublicSuffixList.Embedded.Count} rules");

    private static string? Literal(string text) => text == "null" ? null : text[1..^1];

    [GeneratedRegex(@"^checkPublicSuffix\((?<host>null|'[^']*'),\s*(?<expected>null|'[^']*')\);")]
    private static partial Regex CheckLine();
}
