using System.IO.Compression;
using System.Text;
using System.Xml;
using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Web.Features.Discovery.Crawling;

/// <summary>
/// The page (urlset) or child-sitemap (sitemapindex) addresses of a sitemap, gzipped or not, in the XML format of
/// sitemaps.org or as plain text (one URL a line). Only http(s) addresses on the sitemap's own registrable domain
/// are kept, once each, at most <c>max</c>. DTDs are refused, so no entity expansion or external entity (XXE) can
/// happen; broken XML yields the addresses read before the break, garbage yields none.
/// </summary>
public static class SitemapXml
{
    private const long MaxCharacters = 60_000_000;

    public static IReadOnlyList<Uri> Parse(byte[] body, Uri sitemapUrl, int max = 500)
    {
        var found = new List<Uri>();
        if (body.Length == 0 || max <= 0)
        {
            return found;
        }
        var site = DomainName.Registrable(sitemapUrl.Host) ?? sitemapUrl.Host.ToLowerInvariant();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string text)
        {
            if (found.Count < max && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
                && uri.Scheme is "http" or "https" && DomainName.AsciiHost(uri.Host) is { } host
                && (host == site || host.EndsWith("." + site, StringComparison.Ordinal)) && seen.Add(uri.AbsoluteUri))
            {
                found.Add(uri);
            }
        }
        try
        {
            var gzip = body is [0x1F, 0x8B, ..];
            using var stream = gzip ? new GZipStream(new MemoryStream(body), CompressionMode.Decompress)
                : (Stream)new MemoryStream(body, writable: false);
            // A .xml.gz sitemap (or gzip sent without saying so) is taken to be XML; a gzipped text list is rare.
            if (gzip || StartsWithAngle(body.AsSpan(0, Math.Min(body.Length, 512))))
            {
                ReadXml(stream, Add, () => found.Count >= max);
            }
            else
            {
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var lines = 0;
                while (found.Count < max && lines++ < 50_000 && reader.ReadLine() is { } line)
                {
                    if (line.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                    {
                        Add(line);
                    }
                }
            }
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or DecoderFallbackException)
        {
            // Broken or truncated: what was read before stays.
        }
        return found;
    }

    private static bool StartsWithAngle(ReadOnlySpan<byte> start)
    {
        foreach (var b in start)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }
            return b == (byte)'<';
        }
        return false;
    }

    private static void ReadXml(Stream stream, Action<string> add, Func<bool> full)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            MaxCharactersInDocument = MaxCharacters,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(stream, settings);
        var read = true;
        while (!full() && (!read || reader.Read()))
        {
            // <loc> right inside <url> (urlset) or <sitemap> (sitemapindex), not an extension's <image:loc>;
            // namespaces vary in the wild, so local names decide.
            read = true;
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "loc" && reader.Depth == 2)
            {
                add(reader.ReadElementContentAsString());
                read = false;   // that call already moved to the next node
            }
        }
    }
}
