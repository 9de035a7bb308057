using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// Turns one fetched page into a <see cref="PageExtract"/>: decodes the bytes, parses them once with AngleSharp (no
/// scripting), walks the DOM once, then runs the extractors over what the walk collected. Garbage in gives an
/// extract with whatever was found; it never throws. Regexes have time limits and a stage that runs out of time
/// simply adds nothing more.
/// </summary>
public static class PageExtractor
{
    public const int TextCap = 20_000, LinkCap = 200;

    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(new HtmlParserOptions
    {
        IsScripting = false,
        SkipComments = true,
        SkipCDATA = true,
        SkipProcessingInstructions = true,
    }));

    /// <summary>
    /// What a link leads to by its address and text: imprint (impressum, imprint, legal notice, legal), contact, team
    /// ("unser team", management), about ("über uns", about, ueber-uns), home (path "/" or a language root) or other.
    /// </summary>
    public static PageKind KindOf(Uri url, string? linkText) => PageKinds.KindOf(url, linkText);

    public static PageExtract Extract(Uri url, byte[] body, string? contentType, PageKind kind,
        ExtractionContext context)
    {
        var html = HtmlDepthLimiter.Limit(HtmlDecoder.Decode(body, contentType));
        using var document = Parser.Value!.ParseDocument(html);
        var m = PageWalker.Walk(document);
        var sink = new FactSink(url.AbsoluteUri);
        var lines = m.Text.Split('\n');
        var lower = m.Text.ToLowerInvariant();
        var description = Meta(m, "og:description") ?? Meta(m, "description") ?? Meta(m, "twitter:description");
        var markupLanguage = TextSignals.LanguageOfTag(m.Lang) ?? TextSignals.LanguageOfTag(Meta(m, "og:locale"))
            ?? TextSignals.LanguageOfTag(Meta(m, "content-language"));
        var language = markupLanguage ?? TextSignals.DetectLanguage(lower);
        var robots = (Meta(m, "robots") ?? "").ToLowerInvariant()
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        Stage(() => MetaFacts.Add(url, kind, m, description, sink));
        sink.Add(FactFields.Language, language, markupLanguage is null ? "text" : "meta");
        string? addressCountry = null;
        Stage(() => addressCountry = LegalFacts.Extract(url, kind, m.Text, lines, sink));
        var region = context.DefaultRegion?.ToUpperInvariant() ?? Countries.RegionOfHost(url.Host) ?? addressCountry;
        string? jsonLdCountry = null;
        Stage(() => jsonLdCountry = JsonLdFacts.Extract(m.JsonLd.SelectMany(JsonLdReader.Parse).ToList(), sink,
            region));
        addressCountry ??= jsonLdCountry;
        region ??= addressCountry ?? Countries.RegionOfLanguage(m.Lang);
        Stage(() => MetaFacts.Microdata(m, sink, region));
        var links = new List<PageLink>();
        Stage(() => Anchors(url, m, sink, region, links));
        foreach (var hex in m.CloudflareHex)
        {
            EmailFinder.FromCloudflare(hex, sink);
        }
        Stage(() => EmailFinder.FromText(m.Text, sink));
        if (kind != PageKind.Other)
        {
            Stage(() => PhoneFinder.FromText(m.Text, region, sink, "text"));
        }
        if (kind is PageKind.Team or PageKind.About)
        {
            Stage(() => People.TeamMembers(lines, sink, "team-page"));
        }
        Stage(() => TextSignals.Employees(m.Text, sink, "text"));
        var haystack = string.Concat(m.Title?.ToLowerInvariant(), "\n", description?.ToLowerInvariant(), "\n", lower);
        TextSignals.Segments(haystack, context, sink);

        var text = m.Text.Replace('\n', ' ');
        if (text.Length > TextCap)
        {
            text = text[..(char.IsHighSurrogate(text[TextCap - 1]) ? TextCap - 1 : TextCap)];
        }
        return new PageExtract(url, kind, m.Title, description, language, text, sink.Facts, links,
            NoIndex: robots.Contains("noindex") || robots.Contains("none"),
            NoFollow: robots.Contains("nofollow") || robots.Contains("none"));
    }

    private static void Anchors(Uri url, PageMaterial m, FactSink sink, string? region, List<PageLink> links)
    {
        var baseUri = m.BaseHref is { } b && Uri.TryCreate(url, b.Trim(), out var declared)
            && declared.Scheme is "http" or "https" ? declared : url;
        var site = DomainName.Registrable(url.Host) ?? url.Host;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (raw, text) in m.Anchors)
        {
            var href = raw.Trim();
            if (href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                EmailFinder.FromMailto(href, sink);
                continue;
            }
            if (href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
                || href.StartsWith("callto:", StringComparison.OrdinalIgnoreCase))
            {
                PhoneFinder.FromTelLink(href, text, region, sink);
                continue;
            }
            if (!Uri.TryCreate(baseUri, href, out var target) || target.Scheme is not ("http" or "https"))
            {
                continue;
            }
            if (target.AbsolutePath.StartsWith("/cdn-cgi/l/email-protection", StringComparison.Ordinal))
            {
                EmailFinder.FromCloudflare(target.Fragment.TrimStart('#'), sink);
                continue;
            }
            if (SocialLinks.Canonical(target.AbsoluteUri) is { } social)
            {
                sink.Add(FactFields.Social, social, "link");
                continue;
            }
            var host = DomainName.AsciiHost(target.Host);
            if (links.Count >= LinkCap || host is null
                || (host != site && !host.EndsWith("." + site, StringComparison.Ordinal)))
            {
                continue;
            }
            var clean = target.Fragment.Length == 0 ? target
                : Uri.TryCreate(target.GetLeftPart(UriPartial.Query), UriKind.Absolute, out var cut) ? cut : null;
            if (clean is not null && seen.Add(clean.AbsoluteUri))
            {
                links.Add(new PageLink(clean, PageKinds.KindOf(clean, text), text));
            }
        }
    }

    private static string? Meta(PageMaterial m, string key) =>
        m.Meta.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    /// <summary>Runs one extractor; one that runs out of regex time keeps what it added so far.</summary>
    private static void Stage(Action stage)
    {
        try
        {
            stage();
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological text: the stage's facts so far stand, the rest of the page still gets extracted.
        }
    }
}
