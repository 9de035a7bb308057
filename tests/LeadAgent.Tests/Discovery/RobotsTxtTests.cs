using System.Text;
using LeadAgent.Web.Features.Discovery.Crawling;

namespace LeadAgent.Tests.Discovery;

/// <summary>robots.txt as RFC 9309 reads it, with the RFC's own examples (sections 2.2.2, 2.2.3, 5.1, 5.2).</summary>
public sealed class RobotsTxtTests
{
    // RFC 9309, 5.1.
    private const string Example = """
        User-Agent: *
        Disallow: *.gif$
        Disallow: /example/
        Allow: /publications/

        User-Agent: foobot
        Disallow:/
        Allow:/example/page.html
        Allow:/example/allowed.gif

        User-Agent: barbot
        User-Agent: bazbot
        Disallow: /example/page.html

        User-Agent: quxbot

        EOF
        """;

    [Theory]
    [InlineData("foobot", "/example/page.html", true)]
    [InlineData("foobot", "/example/allowed.gif", true)]
    [InlineData("foobot", "/other", false)]
    [InlineData("FooBot/2.1", "/example/page.html", true)]
    [InlineData("barbot", "/example/page.html", false)]
    [InlineData("bazbot", "/example/page.html", false)]
    [InlineData("bazbot", "/example/other.gif", true)]
    [InlineData("quxbot", "/example/page.html", true)]
    [InlineData("quxbot", "/picture.gif", true)]
    [InlineData("LeadAgent", "/picture.gif", false)]
    [InlineData("LeadAgent", "/picture.gif?size=2", true)]
    [InlineData("LeadAgent", "/example/", false)]
    [InlineData("LeadAgent", "/publications/", true)]
    [InlineData("LeadAgent", "/robots.txt", true)]
    public void The_groups_of_the_rfc_example_apply_to_their_agents(string agent, string path, bool allowed)
    {
        var token = agent.Split('/')[0];
        Assert.Equal(allowed, RobotsTxt.Parse(Example, token).IsAllowed(path));
    }

    [Theory]
    [InlineData("/example/page/", true)]
    [InlineData("/example/page/disallowed.gif", false)]
    public void The_longest_match_wins(string path, bool allowed)
    {
        // RFC 9309, 5.2.
        var robots = RobotsTxt.Parse(
            "User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif", "foobot");
        Assert.Equal(allowed, robots.IsAllowed(path));
    }

    [Fact]
    public void Allow_wins_a_tie_and_an_empty_disallow_allows_everything()
    {
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow: /page\nAllow: /page", "LeadAgent").IsAllowed("/page"));
        Assert.True(RobotsTxt.Parse("User-agent: *\nDisallow:", "LeadAgent").IsAllowed("/anything"));
    }

    [Theory]
    [InlineData("/foo/bar?baz=quz", "/foo/bar?baz=quz")]
    [InlineData("/my page", "/my%20page")]
    [InlineData("/100%", "/100%25")]
    [InlineData("/foo/bar/\u30C4", "/foo/bar/%E3%83%84")]
    [InlineData("/foo/bar/%e3%83%84", "/foo/bar/%E3%83%84")]
    [InlineData("/foo/bar/%62%61%7A", "/foo/bar/baz")]
    public void Paths_are_compared_in_one_encoding(string path, string normalised)
    {
        // RFC 9309, 2.2.2: a rule written either way matches a path written either way.
        Assert.Equal(normalised, RobotsPath.Normalize(path));
        var robots = RobotsTxt.Parse($"User-agent: *\nDisallow: {path}$", "LeadAgent");
        Assert.False(robots.IsAllowed(normalised));
        Assert.False(robots.IsAllowed(path));
    }

    [Theory]
    [InlineData("/fish", "/fish", true)]
    [InlineData("/fish", "/fish.html", true)]
    [InlineData("/fish", "/fish/salmon.html", true)]
    [InlineData("/fish", "/Fish.asp", false)]
    [InlineData("/fish", "/catfish", false)]
    [InlineData("/fish*", "/fishheads/yummy.html", true)]
    [InlineData("/fish/", "/fish/?id=anything", true)]
    [InlineData("/fish/", "/fish", false)]
    [InlineData("/*.php", "/index.php", true)]
    [InlineData("/*.php", "/folder/any.php.file.html", true)]
    [InlineData("/*.php", "/windows.PHP", false)]
    [InlineData("/*.php$", "/filename.php", true)]
    [InlineData("/*.php$", "/filename.php?parameters", false)]
    [InlineData("/*.php$", "/filename.php5", false)]
    [InlineData("/fish*.php", "/fishheads/catfish.php?parameters", true)]
    [InlineData("/fish*.php", "/Fish.PHP", false)]
    [InlineData("/*", "/", true)]
    [InlineData("/a*b*c$", "/aXbYbZc", true)]
    [InlineData("/a*b*c$", "/aXbYcZ", false)]
    public void Stars_and_dollars_match_as_wildcards_and_end(string pattern, string path, bool matches)
    {
        Assert.Equal(matches, RobotsPath.Matches(RobotsPath.Normalize(pattern), RobotsPath.Normalize(path)));
    }

    [Fact]
    public void A_user_agent_line_names_its_product_token_with_or_without_a_version()
    {
        var robots = RobotsTxt.Parse("User-agent: LeadAgent/1.0 (+https://x)\nDisallow: /a\n\n"
            + "User-agent: *\nDisallow: /", "LeadAgent");
        Assert.False(robots.IsAllowed("/a"));
        Assert.True(robots.IsAllowed("/b"));
    }

    [Fact]
    public void Groups_naming_the_token_merge_and_take_precedence_over_the_star_group()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /

            User-agent: LeadAgent
            Disallow: /private

            User-agent: leadagent
            Disallow: /tmp
            Crawl-delay: 2.5

            Sitemap: https://example.com/sitemap.xml
            """, "LeadAgent");
        Assert.True(robots.IsAllowed("/public"));
        Assert.False(robots.IsAllowed("/private/x"));
        Assert.False(robots.IsAllowed("/tmp/y"));
        Assert.Equal(TimeSpan.FromSeconds(2.5), robots.CrawlDelay);
        Assert.Equal(["https://example.com/sitemap.xml"], robots.Sitemaps);
    }

    [Fact]
    public void Garbage_comments_and_odd_line_ends_are_read_leniently()
    {
        var robots = RobotsTxt.Parse("\uFEFF<html>not robots</html>\r# comment\r\nUser-agent: * # all\r"
            + "Disallow: /x # no\n\n:::\nAllow /y\nrandom: value", "LeadAgent");
        Assert.False(robots.IsAllowed("/x/1"));
        Assert.True(robots.IsAllowed("/y"));
        Assert.True(RobotsTxt.Parse("<html><body>404</body></html>", "LeadAgent").IsAllowed("/anything"));
    }

    [Fact]
    public void Only_the_first_512000_bytes_count_and_the_fixed_answers_mean_what_they_say()
    {
        var big = new StringBuilder("User-agent: *\n");
        while (big.Length < RobotsTxt.MaxBytes)
        {
            big.Append("Allow: /filler\n");
        }
        big.Append("Disallow: /late\n");
        Assert.True(RobotsTxt.Parse(Encoding.UTF8.GetBytes(big.ToString()), "LeadAgent").IsAllowed("/late"));
        Assert.True(RobotsTxt.AllowAll.IsAllowed("/anything"));
        Assert.False(RobotsTxt.DisallowAll.IsAllowed("/anything"));
        Assert.True(RobotsTxt.DisallowAll.IsAllowed("/robots.txt"));
    }
}
