using System.Text;
using LeadAgent.Web.Features.Discovery.Extraction;

namespace LeadAgent.Tests.Discovery.Extraction;

/// <summary>What a link leads to, and the markup guard that keeps parsing linear.</summary>
public sealed class PageKindTests
{
    [Theory]
    [InlineData("https://firma.de/", null, PageKind.Home)]
    [InlineData("https://firma.de/en/", null, PageKind.Home)]
    [InlineData("https://firma.de/de-at", null, PageKind.Home)]
    [InlineData("https://firma.de/index.php", null, PageKind.Home)]
    [InlineData("https://firma.de/impressum/", null, PageKind.Imprint)]
    [InlineData("https://firma.de/legal-notice", null, PageKind.Imprint)]
    [InlineData("https://firma.de/mentions-legales", null, PageKind.Imprint)]
    [InlineData("https://firma.de/kontakt-impressum.html", null, PageKind.Imprint)]
    [InlineData("https://firma.de/legal", null, PageKind.Imprint)]
    [InlineData("https://firma.de/legal/privacy-policy", null, PageKind.Other)]
    [InlineData("https://firma.de/datenschutz", "Datenschutz & Impressum", PageKind.Imprint)]
    [InlineData("https://firma.de/p/123", "Impressum", PageKind.Imprint)]
    [InlineData("https://firma.de/ueber-uns/", null, PageKind.About)]
    [InlineData("https://firma.de/seite", "Über uns", PageKind.About)]
    [InlineData("https://firma.com/about-us", null, PageKind.About)]
    [InlineData("https://firma.de/unternehmen/team", null, PageKind.Team)]
    [InlineData("https://firma.de/x", "Unser Team", PageKind.Team)]
    [InlineData("https://firma.com/leadership", null, PageKind.Team)]
    [InlineData("https://firma.de/kontakt", null, PageKind.Contact)]
    [InlineData("https://firma.com/contact-us/", null, PageKind.Contact)]
    [InlineData("https://firma.it/contatti", null, PageKind.Contact)]
    [InlineData("https://firma.de/leistungen/messebau", "Messebau", PageKind.Other)]
    [InlineData("https://firma.de/steam-engines", null, PageKind.Other)]
    public void Links_are_classified_by_address_and_text(string url, string? text, PageKind kind)
    {
        Assert.Equal(kind, PageExtractor.KindOf(new Uri(url), text));
    }

    [Fact]
    public void Ordinary_markup_passes_the_depth_guard_untouched()
    {
        var html = "<html><body><div class=\"a>b\"><p>eins<p>zwei<ul><li>x<li>y</ul><br><img src=x></div>"
            + "<script>if (a < b) document.write('<div><div><div>');</script></body></html>";

        Assert.Same(html, HtmlDepthLimiter.Limit(html));
    }

    [Fact]
    public void Deep_nesting_is_cut_at_the_limit_and_the_text_and_links_stay()
    {
        var html = new StringBuilder("<body>");
        html.Insert(html.Length, "<div><b>", 5_000);
        html.Append("<a href=\"/kontakt\">Kontakt</a> tief unten");
        html.Insert(html.Length, "</b></div>", 5_000);
        html.Append("<p>danach</p>");

        var limited = HtmlDepthLimiter.Limit(html.ToString());

        Assert.Equal(HtmlDepthLimiter.MaxDepth / 2, CountOf(limited, "<div>"));
        Assert.Equal(HtmlDepthLimiter.MaxDepth / 2, CountOf(limited, "</div>"));
        Assert.Contains("<a href=\"/kontakt\">Kontakt</a> tief unten", limited, StringComparison.Ordinal);
        Assert.EndsWith("<p>danach</p>", limited, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }
}
