using System.Text;
using System.Xml.Linq;
using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Tests.Crm;

/// <summary>
/// E-mail validation against the is_email test set (Fixtures/IsEmail/tests.xml, BSD-3-Clause, Dominic Sayers) and
/// the addresses issue 13 found accepted. Policy (see <see cref="EmailAddresses"/>): the set's ISEMAIL_VALID and
/// ISEMAIL_DNSWARN addresses (valid syntax; DNS is not consulted) are accepted, and so is any of them with white space
/// around it, which is trimmed; every other category (errors, RFC 5321/5322-only forms such as quoted strings and
/// address literals, deprecated forms, comments and folding white space) is refused, and so is each case listed in
/// <see cref="Refused"/> with its reason.
/// </summary>
public sealed class EmailAddressTests
{
    private static readonly Lazy<Dictionary<int, (string Address, string Category, string Diagnosis)>> Set =
        new(LoadSet);

    private static readonly string[] AcceptedCategories = ["ISEMAIL_VALID_CATEGORY", "ISEMAIL_DNSWARN"];

    // Where the policy departs from the set's category, and why.
    private static readonly Dictionary<int, string> Refused = new()
    {
        [5] = "test@io: a bare top-level domain (io once had its own MX); the CRM wants a registrable domain",
    };

    public static TheoryData<int> IsEmailIds()
    {
        var data = new TheoryData<int>();
        foreach (var id in Set.Value.Keys.Order())
        {
            data.Add(id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(IsEmailIds))]
    public void IsEmail_test_set_case(int id)
    {
        var (address, category, diagnosis) = Set.Value[id];
        var valid = Set.Value.Values.Where(t => AcceptedCategories.Contains(t.Category)).Select(t => t.Address);
        var expected = !Refused.ContainsKey(id)
            && (AcceptedCategories.Contains(category) || valid.Contains(address.Trim()));
        var (value, error) = ContactPoints.Email(address);
        Assert.True(expected == (error is null), $"#{id} {diagnosis}: {Visible(address)} → {value ?? error}");
        if (expected)
        {
            Assert.Equal(address.Trim().ToLowerInvariant(), value);
        }
    }

    [Fact]
    public void The_whole_test_set_is_read_with_both_outcomes()
    {
        var cases = Set.Value.Values.ToList();
        Assert.True(cases.Count >= 160, $"{cases.Count} cases");
        Assert.Contains(cases, t => AcceptedCategories.Contains(t.Category));
        Assert.Contains(cases, t => t.Category == "ISEMAIL_ERR");
    }

    [Theory]
    [InlineData("test.@iana.org")]
    [InlineData("test@-iana.org")]
    [InlineData("test@iana-.com")]
    [InlineData("test@iana.org-")]
    [InlineData("john@exa_mple.com")]
    [InlineData("test@iana/icann.org")]
    [InlineData("test@[255.255.255.256]")]
    [InlineData("test@[192.0.2.1]")]
    [InlineData("te\u200Bst@iana.org")]
    [InlineData("test@ia\u200Bna.org")]
    [InlineData("te\u0007st@iana.org")]
    [InlineData("test@iana\u0000.org")]
    [InlineData("test@iana.org.")]
    [InlineData("test@co.uk")]
    [InlineData("\"john doe\"@iana.org")]
    public void Dubious_addresses_are_refused(string address) => Assert.NotNull(ContactPoints.Email(address).Error);

    [Fact]
    public void Local_parts_over_64_and_labels_over_63_characters_are_refused()
    {
        Assert.NotNull(ContactPoints.Email(new string('a', 65) + "@iana.org").Error);
        Assert.Null(ContactPoints.Email(new string('a', 64) + "@iana.org").Error);
        Assert.NotNull(ContactPoints.Email("test@" + new string('a', 64) + ".com").Error);
        Assert.Null(ContactPoints.Email("test@" + new string('a', 63) + ".com").Error);
    }

    [Theory]
    [InlineData("Anna.O'Neil+crm@Example.CO.UK", "anna.o'neil+crm@example.co.uk")]
    [InlineData("info@München.de", "info@xn--mnchen-3ya.de")]
    [InlineData("info@xn--mnchen-3ya.de", "info@xn--mnchen-3ya.de")]
    [InlineData("jürgen@example.de", "jürgen@example.de")]
    [InlineData("shop@brand.myshopify.com", "shop@brand.myshopify.com")]
    public void Ordinary_addresses_are_normalised(string input, string expected) =>
        Assert.Equal(expected, ContactPoints.Email(input).Value);

    [Fact]
    public void The_error_says_what_is_wrong()
    {
        Assert.Contains("hyphen", ContactPoints.Email("test@-iana.org").Error);
        Assert.Contains("64", ContactPoints.Email(new string('a', 65) + "@iana.org").Error);
        Assert.Contains("invisible", ContactPoints.Email("te\u200Bst@iana.org").Error);
    }

    private static Dictionary<int, (string Address, string Category, string Diagnosis)> LoadSet()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "IsEmail", "tests.xml");
        return XDocument.Load(path, LoadOptions.PreserveWhitespace).Root!.Elements("test").ToDictionary(
            t => int.Parse((string)t.Attribute("id")!),
            t => (Controls((string?)t.Element("address") ?? ""), (string)t.Element("category")!,
                (string)t.Element("diagnosis")!));
    }

    // The set writes ASCII control characters as the Unicode "symbol for" them (U+2400 + position): XML cannot hold
    // most of them.
    private static string Controls(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c is >= '\u2400' and <= '\u241F' ? (char)(c - '\u2400') : c);
        }
        return sb.ToString();
    }

    private static string Visible(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) ? $"\\x{(int)c:x2}" : c.ToString()));
}
