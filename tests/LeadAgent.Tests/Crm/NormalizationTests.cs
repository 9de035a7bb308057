using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Tests.Crm;

public sealed class NormalizationTests
{
    [Theory]
    [InlineData("example.com", "example.com")]
    [InlineData("https://WWW.Example.com/path?utm_source=x#top", "example.com")]
    [InlineData("shop.example.co.uk", "example.co.uk")]
    [InlineData("http://a.b.c.example.de", "example.de")]
    [InlineData("brand.myshopify.com", "brand.myshopify.com")]
    [InlineData("münchen-events.de", "xn--mnchen-events-wob.de")]
    public void Website_becomes_its_registrable_domain(string website, string domain) =>
        Assert.Equal(domain, DomainName.Parse(website).Domain);

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com")]
    [InlineData("http://localhost")]
    [InlineData("http://127.0.0.1")]
    [InlineData("javascript:alert(1)")]
    public void Unusable_websites_are_rejected_with_a_reason(string website) =>
        Assert.NotNull(DomainName.Parse(website).Error);

    [Theory]
    [InlineData("030 1234567", "DE", "+49301234567")]
    [InlineData("+971 50 123 4567", "DE", "+971501234567")]
    [InlineData("0044 20 7946 0018", "DE", "+442079460018")]
    [InlineData("(0)20 7946 0018", "GB", "+442079460018")]
    public void Phones_are_normalised_to_E164(string input, string region, string e164) =>
        Assert.Equal(e164, ContactPoints.Phone(input, region).Value);

    [Theory]
    [InlineData("12")]
    [InlineData("call me")]
    public void Invalid_phones_are_rejected(string input) => Assert.NotNull(ContactPoints.Phone(input, "DE").Error);

    [Theory]
    [InlineData(" Anna.Berger@Example.COM ", "anna.berger@example.com")]
    public void Emails_are_trimmed_and_lower_cased(string input, string expected) =>
        Assert.Equal(expected, ContactPoints.Email(input).Value);

    [Theory]
    [InlineData("anna at example.com")]
    [InlineData("anna@localhost")]
    [InlineData("Anna <anna@example.com>")]
    [InlineData("a b@example.com")]
    public void Invalid_emails_are_rejected(string input) => Assert.NotNull(ContactPoints.Email(input).Error);
}
