using LeadAgent.Web.Features.Rules.Pages;

namespace LeadAgent.Tests.Rules;

/// <summary>A notification opens an app path, never another site or a script.</summary>
public sealed class NotificationLinksTests
{
    [Theory]
    [InlineData("/leads/42", true)]
    [InlineData("/inbox/7?tab=notes", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/\n/evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("/", false)]
    public void Only_app_paths_are_followed(string link, bool followed) =>
        Assert.Equal(followed ? link : null, NotificationLinks.Safe(link));
}
