using System.IO.Compression;
using System.Text;
using LeadAgent.Web.Features.Discovery.Crawling;

namespace LeadAgent.Tests.Discovery.Extraction;

/// <summary>Sitemaps: both kinds, same site only, capped, gzip and text, and safe against entity tricks.</summary>
public sealed class SitemapXmlTests
{
    private static readonly Uri Sitemap = new("https://www.kern.de/sitemap.xml");

    private static List<string> Parse(string xml, int max = 500) =>
        SitemapXml.Parse(Encoding.UTF8.GetBytes(xml), Sitemap, max).Select(u => u.AbsoluteUri).ToList();

    [Fact]
    public void A_urlset_gives_its_same_site_pages_once_each()
    {
        var urls = Parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                    xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
              <url><loc>https://www.kern.de/</loc><lastmod>2024-05-01</lastmod></url>
              <url><loc> https://kern.de/impressum </loc>
                <image:image><image:loc>https://www.kern.de/bild.jpg</image:loc></image:image></url>
              <url><loc>https://shop.kern.de/produkte</loc></url>
              <url><loc>https://www.kern.de/</loc></url>
              <url><loc>https://www.andere-firma.de/</loc></url>
              <url><loc>ftp://www.kern.de/datei</loc></url>
              <url><loc>/relativ</loc></url>
              <url><loc>https://www.kern.de/kontakt?x=1&amp;y=2</loc></url>
            </urlset>
            """);

        Assert.Equal(["https://www.kern.de/", "https://kern.de/impressum", "https://shop.kern.de/produkte",
            "https://www.kern.de/kontakt?x=1&y=2"], urls);
    }

    [Fact]
    public void A_sitemap_index_gives_its_child_sitemaps()
    {
        var urls = Parse("""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://www.kern.de/page-sitemap.xml</loc></sitemap>
              <sitemap><loc>https://www.kern.de/post-sitemap.xml</loc></sitemap>
            </sitemapindex>
            """);

        Assert.Equal(["https://www.kern.de/page-sitemap.xml", "https://www.kern.de/post-sitemap.xml"], urls);
    }

    [Fact]
    public void At_most_max_addresses_are_returned()
    {
        var xml = "<urlset>" + string.Concat(Enumerable.Range(0, 50)
            .Select(i => $"<url><loc>https://www.kern.de/p{i}</loc></url>")) + "</urlset>";

        Assert.Equal(10, Parse(xml, max: 10).Count);
    }

    [Fact]
    public void A_dtd_is_refused_so_entities_neither_expand_nor_read_files()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"sitemap-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "https://www.kern.de/geheim");
        try
        {
            var xxe = $"""
                <?xml version="1.0"?>
                <!DOCTYPE urlset [<!ENTITY x SYSTEM "file://{secret}">]>
                <urlset><url><loc>&x;</loc></url></urlset>
                """;
            var bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY a "https://www.kern.de/aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <urlset><url><loc>&b;</loc></url></urlset>
                """;

            Assert.Empty(Parse(xxe));
            Assert.Empty(Parse(bomb));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Not found</body></html>")]
    [InlineData("\u0000\u0001\u0002 binary")]
    [InlineData("<urlset><url><loc>https://www.kern.de/a</loc></url><url><loc>https://www.kern")]
    public void Garbage_gives_what_was_read_before_it(string body)
    {
        var urls = Parse(body);

        Assert.True(urls.Count == 0 || urls.SequenceEqual(["https://www.kern.de/a"]));
    }

    [Fact]
    public void Gzip_and_plain_text_sitemaps_are_read()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("<urlset><url><loc>https://www.kern.de/gz</loc></url></urlset>"));
        }
        var text = "https://www.kern.de/eins\r\nhttps://www.kern.de/zwei\nhttps://fremd.de/drei\n";

        Assert.Equal(["https://www.kern.de/gz"],
            SitemapXml.Parse(packed.ToArray(), Sitemap).Select(u => u.AbsoluteUri));
        Assert.Equal(["https://www.kern.de/eins", "https://www.kern.de/zwei"], Parse(text));
    }
}
