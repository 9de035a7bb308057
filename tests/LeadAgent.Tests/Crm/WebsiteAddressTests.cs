using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Tests.Crm;

public sealed class WebsiteAddressTests
{
    [Theory]
    [InlineData("https://user:pass@example.com/", "https://example.com", "example.com")]
    [InlineData("http://admin@shop.example.de:8080/a/?x=1#top", "http://shop.example.de:8080/a", "example.de")]
    [InlineData("example.com.", "https://example.com", "example.com")]
    [InlineData("https://WWW.Example.COM./Path/", "https://www.example.com/Path", "example.com")]
    [InlineData("München-Events.de", "https://münchen-events.de", "xn--mnchen-events-wob.de")]
    [InlineData("xn--mnchen-events-wob.de", "https://münchen-events.de", "xn--mnchen-events-wob.de")]
    public void Credentials_trailing_dots_and_case_are_dropped(string input, string url, string domain) =>
        Assert.Equal((url, domain, (string?)null), DomainName.Parse(input));

    [Theory]
    [InlineData("mailto:info@example.com")]
    [InlineData("MAILTO:info@example.com")]
    [InlineData("info@example.com")]
    [InlineData(" Anna.Berger@Example.com ")]
    public void E_mail_addresses_are_no_websites(string input) =>
        Assert.Contains("e-mail address", DomainName.Parse(input).Error);

    [Theory]
    [InlineData("exa_mple.com")]
    [InlineData("-example.com")]
    [InlineData("example-.com")]
    [InlineData("https://0x7f000001/")]
    [InlineData("http://[::1]/")]
    [InlineData("example.123")]
    [InlineData("co.uk")]
    [InlineData("https://facebook.com/")]
    [InlineData("exa\u200Bmple.com")]
    public void Malformed_hosts_public_suffixes_and_bare_networks_are_refused(string input) =>
        Assert.NotNull(DomainName.Parse(input).Error);

    [Theory]
    [InlineData("https://www.facebook.com/acme-events/", "https://www.facebook.com/acme-events")]
    [InlineData("https://de.linkedin.com/company/acme?trk=x", "https://de.linkedin.com/company/acme")]
    public void Social_links_key_no_company_domain(string input, string link) =>
        // The import's API: the link stays, with no domain to key or block a company on.
        Assert.Equal((link, (string?)null, (string?)null), DomainName.Parse(input));
}
