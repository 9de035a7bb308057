using LeadAgent.Web.Features.Policy;

namespace LeadAgent.Tests.Policy;

/// <summary>The lists' matching rules, without a database: domains with subdomains, e-mail domains and addresses,
/// phones, keywords by whole words, and allow entries exempting from broader blocks.</summary>
public sealed class PolicyMatchingTests
{
    private static PolicyEntry Entry(PolicyKind kind, string value, PolicyList list = PolicyList.Block) => new()
    {
        List = list,
        Kind = kind,
        Value = value,
        Reason = $"test {kind} {value}",
        AuthorName = "test",
    };

    private static PolicySnapshot Lists(params PolicyEntry[] entries) => new(entries, "test");

    private static PolicyFacts Facts(string? host = null, string? email = null, string? phone = null,
        string? text = null, Guid? company = null, Guid? contact = null)
    {
        var f = new PolicyFacts();
        if (host is not null) { f.Hosts.Add(PolicyValues.Host(host)!); }
        if (email is not null) { f.Emails.Add(PolicyValues.Email(email)!); }
        if (phone is not null) { f.Phones.Add(PolicyValues.Phone(phone)!); }
        if (text is not null) { f.Texts.Add(text); }
        if (company is { } c) { f.Companies.Add(c); }
        if (contact is { } p) { f.Contacts.Add(p); }
        return f;
    }

    [Theory]
    [InlineData("example.de", true)]
    [InlineData("a.b.example.de", true)]
    [InlineData("https://WWW.Example.DE/impressum", true)]
    [InlineData("example.de.evil.com", false)]
    [InlineData("notexample.de", false)]
    [InlineData("example.com", false)]
    public void A_domain_blocks_itself_and_its_subdomains_only(string host, bool blocked)
    {
        var lists = Lists(Entry(PolicyKind.Domain, PolicyValues.Host("example.de")!));
        Assert.Equal(blocked, lists.Check(Facts(host: host)).Blocked);
    }

    [Fact]
    public void A_subdomain_entry_leaves_its_parent_and_siblings_alone()
    {
        var lists = Lists(Entry(PolicyKind.Domain, PolicyValues.Host("shop.example.de")!));
        Assert.True(lists.Check(Facts(host: "eu.shop.example.de")).Blocked);
        Assert.False(lists.Check(Facts(host: "example.de")).Blocked);
        Assert.False(lists.Check(Facts(host: "blog.example.de")).Blocked);
    }

    [Theory]
    [InlineData("https://www.Münchner-Events.de/x", "xn--mnchner-events-gsb.de")]
    [InlineData("Shop.Example.co.uk.", "shop.example.co.uk")]
    [InlineData("anna@example.de", "example.de")]
    [InlineData("co.uk", null)]
    [InlineData("not a domain", null)]
    public void Domains_are_kept_in_canonical_form(string input, string? expected) =>
        Assert.Equal(expected, PolicyValues.Host(input));

    [Fact]
    public void An_email_domain_blocks_every_address_there_and_an_address_only_itself()
    {
        var lists = Lists(Entry(PolicyKind.EmailDomain, "spam.de"), Entry(PolicyKind.Email, "boss@example.de"));
        Assert.True(lists.Check(Facts(email: "anyone@spam.de")).Blocked);
        Assert.True(lists.Check(Facts(email: "x@mail.spam.de")).Blocked);
        Assert.False(lists.Check(Facts(host: "spam.de")).Blocked); // an e-mail domain is no website block
        Assert.True(lists.Check(Facts(email: "Boss@Example.DE")).Blocked);
        Assert.False(lists.Check(Facts(email: "anna@example.de")).Blocked);
        Assert.False(lists.Check(Facts(host: "example.de")).Blocked);
    }

    [Fact]
    public void A_blocked_domain_covers_its_mail_too()
    {
        var lists = Lists(Entry(PolicyKind.Domain, "example.de"));
        Assert.True(lists.Check(Facts(email: "anna@example.de")).Blocked);
    }

    [Fact]
    public void An_allowed_address_is_exempt_from_its_blocked_domain_but_not_from_a_blocked_person()
    {
        var contact = Guid.NewGuid();
        var lists = Lists(Entry(PolicyKind.Domain, "example.de"),
            Entry(PolicyKind.Email, "anna@example.de", PolicyList.Allow),
            Entry(PolicyKind.Contact, contact.ToString()));
        Assert.False(lists.Check(Facts(email: "anna@example.de")).Blocked);
        Assert.True(lists.Check(Facts(email: "bert@example.de")).Blocked);
        var both = lists.Check(Facts(email: "anna@example.de", contact: contact));
        Assert.True(both.Blocked);
        Assert.Equal(PolicyKind.Contact, both.Entry!.Kind);
    }

    [Fact]
    public void An_allowed_subdomain_or_company_exempts_from_a_broader_block_and_a_domain_not_from_a_company()
    {
        var company = Guid.NewGuid();
        var lists = Lists(Entry(PolicyKind.Domain, "example.de"),
            Entry(PolicyKind.Domain, "good.example.de", PolicyList.Allow),
            Entry(PolicyKind.Keyword, "casino"),
            Entry(PolicyKind.Company, company.ToString(), PolicyList.Allow));
        Assert.False(lists.Check(Facts(host: "www.good.example.de")).Blocked);
        Assert.True(lists.Check(Facts(host: "bad.example.de")).Blocked);
        Assert.True(lists.Check(Facts(text: "Casino Royal GmbH")).Blocked);
        Assert.False(lists.Check(Facts(text: "Casino Royal GmbH", company: company)).Blocked);

        var blockedCompany = Lists(Entry(PolicyKind.Company, company.ToString()),
            Entry(PolicyKind.Domain, "example.de", PolicyList.Allow));
        Assert.True(blockedCompany.Check(Facts(host: "example.de", company: company)).Blocked);
    }

    [Theory]
    [InlineData("+49 89 1234567", "+49891234567")]
    [InlineData("089 1234567", "+49891234567")]
    [InlineData("0049 (89) 123-4567", "+49891234567")]
    [InlineData("+41 44 668 18 00", "+41446681800")]
    [InlineData("12", null)]
    public void Phones_are_compared_in_E164(string input, string? expected)
    {
        Assert.Equal(expected, PolicyValues.Phone(input));
        if (expected is not null)
        {
            Assert.True(Lists(Entry(PolicyKind.Phone, "+49891234567")).Check(Facts(phone: input)).Blocked
                == (expected == "+49891234567"));
        }
    }

    [Theory]
    [InlineData("Müller Bau", "Die MUELLER-BAU GmbH aus Köln", true)]
    [InlineData("Müller Bau", "Müller  bau", true)]
    [InlineData("Müller Bau", "Müller Baustoffe", false)]
    [InlineData("mueller", "Bäckerei Müller", true)]
    [InlineData("casino", "Online-Casino & Wetten", true)]
    [InlineData("casino", "Casinos", false)]
    [InlineData("casino", "Kasino", false)]
    [InlineData("Straße", "STRASSE", true)]
    [InlineData("café", "Cafe Central", true)]
    [InlineData("bet", "alphabet", false)]
    public void Keywords_match_whole_words_ignoring_case_and_umlauts(string keyword, string text, bool blocked)
    {
        var lists = Lists(Entry(PolicyKind.Keyword, PolicyValues.Keyword(keyword)));
        var verdict = lists.Check(Facts(text: text));
        Assert.Equal(blocked, verdict.Blocked);
        if (blocked)
        {
            Assert.Contains("On the block list (Keyword", verdict.Why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Empty_lists_block_nothing_and_allow_entries_alone_block_nothing()
    {
        Assert.False(PolicySnapshot.Empty.Check(Facts(host: "example.de")).Blocked);
        var onlyAllow = Lists(Entry(PolicyKind.Domain, "example.de", PolicyList.Allow));
        Assert.True(onlyAllow.NothingBlocked);
        Assert.False(onlyAllow.Check(Facts(host: "example.de")).Blocked);
    }
}
