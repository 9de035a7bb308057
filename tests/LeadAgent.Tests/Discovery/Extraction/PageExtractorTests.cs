using System.Diagnostics;
using System.Text;
using LeadAgent.Web.Features.Discovery.Extraction;

namespace LeadAgent.Tests.Discovery.Extraction;

/// <summary>The page-level contract: garbage never throws, charsets, robots flags, links, visible text.</summary>
public sealed class PageExtractorTests
{
    private static readonly Uri Home = new("https://www.firma-beispiel.de/");

    private static PageExtract Extract(string html, string? contentType = "text/html; charset=utf-8",
        Uri? url = null, PageKind kind = PageKind.Home, ExtractionContext? context = null) =>
        PageExtractor.Extract(url ?? Home, Encoding.UTF8.GetBytes(html), contentType, kind,
            context ?? ExtractionContext.Empty);

    public static TheoryData<string> GarbageNames() => ["empty", "zeros", "random", "brackets", "pdf", "unclosed"];

    [Theory]
    [MemberData(nameof(GarbageNames))]
    public void Garbage_gives_an_extract_and_never_throws(string name)
    {
        var random = new Random(42);
        var body = name switch
        {
            "empty" => [],
            "zeros" => new byte[10_000],
            "random" => Enumerable.Range(0, 200_000).Select(_ => (byte)random.Next(256)).ToArray(),
            "brackets" => Encoding.UTF8.GetBytes(
                string.Concat(Enumerable.Repeat("<<a href=>>\"'<![CDATA[<!--", 5_000))),
            "pdf" => Encoding.Latin1.GetBytes(
                "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj <</Type /Catalog>> endobj\n"),
            _ => Encoding.UTF8.GetBytes("<html><head><title>Halb<script>var x='<a href=\"/"),
        };

        var page = PageExtractor.Extract(Home, body, null, PageKind.Home, ExtractionContext.Empty);

        Assert.Equal(Home, page.Url);
        Assert.True(page.Text.Length <= PageExtractor.TextCap);
        Assert.All(page.Links, l => Assert.Equal("www.firma-beispiel.de", l.Url.Host));
    }

    [Fact]
    public void Two_megabytes_of_nested_divs_are_walked_quickly_and_the_contact_found()
    {
        const int depth = 200_000;
        var html = new StringBuilder("<html><body>");
        html.Insert(html.Length, "<div>", depth);
        html.Append("Schreiben Sie an kontakt@firma-beispiel.de");
        html.Insert(html.Length, "</div>", depth);
        Assert.True(html.Length > 2_000_000);

        var clock = Stopwatch.StartNew();
        var page = Extract(html.ToString());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Contains(page.Facts, f => f is { Field: "email", Value: "kontakt@firma-beispiel.de" });
    }

    [Fact]
    public void The_charset_comes_from_the_bom_then_the_content_type_then_the_meta_tag()
    {
        const string html = "<html><head><meta charset=\"windows-1252\"><title>Müller & Söhne</title></head></html>";
        var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

        var byMeta = PageExtractor.Extract(Home, cp1252.GetBytes(html), "text/html", PageKind.Home,
            ExtractionContext.Empty);
        var byHeader = PageExtractor.Extract(Home, Encoding.UTF8.GetBytes(html.Replace("windows-1252", "x")),
            "text/html; charset=UTF-8", PageKind.Home, ExtractionContext.Empty);
        var byBom = PageExtractor.Extract(Home, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(html)],
            "text/html; charset=iso-8859-1", PageKind.Home, ExtractionContext.Empty);
        var utf16 = PageExtractor.Extract(Home, [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(html)],
            null, PageKind.Home, ExtractionContext.Empty);
        var undeclared = PageExtractor.Extract(Home, cp1252.GetBytes(html.Replace("windows-1252", "")), null,
            PageKind.Home, ExtractionContext.Empty);

        Assert.All(new[] { byMeta, byHeader, byBom, utf16, undeclared }, p => Assert.Equal("Müller & Söhne", p.Title));
    }

    [Theory]
    [InlineData("noindex, nofollow", true, true)]
    [InlineData("NOINDEX", true, false)]
    [InlineData("index,nofollow", false, true)]
    [InlineData("none", true, true)]
    [InlineData("index, follow", false, false)]
    public void Robots_meta_sets_the_flags(string content, bool noIndex, bool noFollow)
    {
        var page = Extract($"<html><head><meta name=\"robots\" content=\"{content}\"></head><body>x</body></html>");

        Assert.Equal((noIndex, noFollow), (page.NoIndex, page.NoFollow));
    }

    [Fact]
    public void Links_are_same_site_http_without_fragments_once_each_with_their_kind()
    {
        var page = Extract("""
            <a href="/kontakt#form">Kontakt</a>
            <a href="/kontakt">Kontakt (nochmal)</a>
            <a href="https://firma-beispiel.de/ueber-uns/">Wir</a>
            <a href="https://shop.firma-beispiel.de/">Shop</a>
            <a href="//cdn.other-site.com/x">CDN</a>
            <a href="https://www.firma-beispiel.de.evil.com/impressum">Fake</a>
            <a href="ftp://www.firma-beispiel.de/file">FTP</a>
            <a href="javascript:void(0)">JS</a>
            <a href="mailto:info@firma-beispiel.de">Mail</a>
            <a href="impressum.html">Rechtliches</a>
            <a href="/team/"><img src="/t.jpg" alt="Unser Team"></a>
            """, url: new Uri("https://www.firma-beispiel.de/de/start"));

        Assert.Equal(
        [
            "Contact https://www.firma-beispiel.de/kontakt Kontakt",
            "About https://firma-beispiel.de/ueber-uns/ Wir",
            "Home https://shop.firma-beispiel.de/ Shop",
            "Imprint https://www.firma-beispiel.de/de/impressum.html Rechtliches",
            "Team https://www.firma-beispiel.de/team/ Unser Team",
        ], page.Links.Select(l => $"{l.Kind} {l.Url.AbsoluteUri} {l.Text}"));
    }

    [Fact]
    public void A_base_element_resolves_relative_links_and_the_links_are_capped()
    {
        var anchors = string.Concat(Enumerable.Range(0, 300).Select(i => $"<a href=\"seite-{i}\">Seite {i}</a>"));
        var page = Extract($"<html><head><base href=\"https://www.firma-beispiel.de/archiv/\"></head>"
            + $"<body>{anchors}</body></html>");

        Assert.Equal(PageExtractor.LinkCap, page.Links.Count);
        Assert.Equal("https://www.firma-beispiel.de/archiv/seite-0", page.Links[0].Url.AbsoluteUri);
    }

    [Fact]
    public void Text_leaves_out_scripts_styles_navigation_and_cookie_banners_and_collapses_space()
    {
        var page = Extract("""
            <html><head><title>T</title><style>.a{color:red}</style></head><body>
            <div class="cc-cookie-consent">Wir nutzen Cookies</div>
            <nav><a href="/">Start</a> <a href="/kontakt">Kontakt</a></nav>
            <h1>  Willkommen   bei
                Beispiel </h1><script>var secret = 1;</script><noscript>Bitte JS</noscript>
            <p>Zweiter&nbsp;Absatz<br>neue Zeile</p><template><p>Vorlage</p></template>
            </body></html>
            """);

        Assert.Equal("Willkommen bei Beispiel Zweiter Absatz neue Zeile", page.Text);
        Assert.Contains(page.Links, l => l.Kind == PageKind.Contact);
    }

    [Fact]
    public void Text_is_capped()
    {
        var page = Extract("<p>" + string.Concat(Enumerable.Repeat("Wort ", 10_000)) + "</p>");

        Assert.Equal(PageExtractor.TextCap, page.Text.Length);
    }

    [Fact]
    public void Language_comes_from_the_markup_else_from_the_words()
    {
        var tagged = Extract("<html lang=\"de-AT\"><body>The quick brown fox</body></html>");
        var german = Extract("<p>Wir sind ein Unternehmen aus Berlin und bieten Ihnen mit unserer Erfahrung die "
            + "beste Lösung für Ihre Messe. Das ist nicht nur für uns wichtig, sondern auch für Sie.</p>");

        Assert.Equal("de", tagged.Language);
        Assert.Contains(tagged.Facts, f => f is { Field: "language", Value: "de", Method: "meta" });
        Assert.Equal("de", german.Language);
        Assert.Contains(german.Facts, f => f is { Field: "language", Value: "de", Method: "text" });
    }

    [Fact]
    public void Segments_name_the_keyword_found_as_evidence()
    {
        var context = new ExtractionContext(new Dictionary<string, IReadOnlyList<string>>
        {
            ["messebau"] = ["Messebau", "exhibition stand"],
            ["catering"] = ["catering"],
            ["ai"] = ["KI"],
        });
        var page = Extract("<title>Standbau</title><p>Ihr Partner für Messebau. Kiel ist schön.</p>",
            context: context);

        Assert.Equal(["messebau keyword:messebau"],
            page.Facts.Where(f => f.Field == "segment").Select(f => $"{f.Value} {f.Method}"));
    }

    [Theory]
    [InlineData("text/html; charset=utf-7")]
    [InlineData("text/html; charset=x-user-defined")]
    [InlineData("text/html; charset=\"\"")]
    [InlineData("text/html; charset=utf-16")]
    [InlineData("text/html; charset=ISO-2022-JP")]
    [InlineData("text/html; charset=no-such-charset")]
    public void Odd_or_unknown_charsets_do_not_throw(string contentType)
    {
        var page = Extract("<title>Preise ab 5 EUR</title><p>Kontakt: info@firma-beispiel.de</p>", contentType);

        Assert.Contains(page.Facts, f => f is { Field: "email", Value: "info@firma-beispiel.de" });
    }

    [Fact]
    public void Phone_region_is_the_default_region_then_the_domain_then_the_address_country()
    {
        const string html = "<p>Muster GmbH<br>Seestrasse 1<br>8002 Zürich<br>Schweiz</p><p>Tel. 044 201 33 40</p>";
        PageExtract At(string url, string? region) => Extract(html, url: new Uri(url), kind: PageKind.Contact,
            context: new ExtractionContext(new Dictionary<string, IReadOnlyList<string>>(), region));

        string? Phone(PageExtract p) => p.Facts.FirstOrDefault(f => f.Field == "phone")?.Value;

        Assert.Equal("+49442013340", Phone(At("https://muster.ch/kontakt", "DE")));
        Assert.Equal("+41442013340", Phone(At("https://muster.ch/kontakt", null)));
        Assert.Equal("+41442013340", Phone(At("https://muster.com/kontakt", null)));
    }
}
