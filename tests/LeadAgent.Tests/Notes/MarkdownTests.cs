using LeadAgent.Web.Features.Notes;

namespace LeadAgent.Tests.Notes;

/// <summary>How a note's Markdown becomes HTML.</summary>
public sealed class MarkdownTests
{
    [Fact]
    public void Markdown_keeps_formatting_and_escapes_html_and_unsafe_links()
    {
        var html = MarkdownRenderer.ToHtml(
            "**b** <b onclick=x>raw</b> [ok](https://example.com) [bad](javascript:alert(1)) [data](data:text/html,x)");
        Assert.Contains("<strong>b</strong>", html);
        Assert.Contains("&lt;b onclick=x&gt;", html);
        Assert.Contains("href=\"https://example.com\"", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("data:text", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }
}
