using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Tests.Crm;

public sealed class SocialProfileLinkTests
{
    [Theory]
    [InlineData("https://www.facebook.com/acme.events/", "https://www.facebook.com/acme.events")]
    [InlineData("linkedin.com/company/acme-events", "https://linkedin.com/company/acme-events")]
    [InlineData("https://de.linkedin.com/company/acme?trk=x", "https://de.linkedin.com/company/acme")]
    [InlineData("instagram.com/acme", "https://instagram.com/acme")]
    [InlineData("https://x.com/acme", "https://x.com/acme")]
    [InlineData("https://twitter.com/acme", "https://twitter.com/acme")]
    [InlineData("https://www.xing.com/pages/acme", "https://www.xing.com/pages/acme")]
    [InlineData("https://www.youtube.com/@acme", "https://www.youtube.com/@acme")]
    [InlineData("tiktok.com/@acme", "https://tiktok.com/@acme")]
    public void Social_network_links_are_profiles_not_domains(string input, string profile)
    {
        var w = WebsiteAddress.Parse(input);
        Assert.Null(w.Error);
        Assert.Equal(profile, w.SocialProfile);
        Assert.Null(w.Domain);
        Assert.Null(w.Url);
    }
}
