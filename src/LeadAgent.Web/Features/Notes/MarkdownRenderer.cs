using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LeadAgent.Web.Features.Notes;

/// <summary>
/// Markdown → HTML with raw HTML disabled: any tag typed into a note is escaped, never interpreted.
/// Links (autolinks included) are limited to http(s)/mailto/tel and open with rel="noopener noreferrer nofollow";
/// the result then passes an HTML sanitizer, so a gap in either layer alone cannot produce active HTML.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseReferralLinks("noopener", "noreferrer", "nofollow")
        .Build();

    // Only what Markdown produces; Sanitize is thread-safe once configured.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }
        // <javascript:…> is an autolink, not a link: an unsafe one stays as plain text.
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!autolink.IsEmail && !IsSafe(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return Sanitizer.Sanitize(writer.ToString());
    }

    private static bool IsSafe(string? url) =>
        url is null
        || url.StartsWith('#')
        || SafeSchemes.Any(s => url.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase));

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "strong", "em", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote",
                "ul", "ol", "li", "dl", "dt", "dd", "a", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead",
                "tbody", "tr", "th", "td", "img",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "rel", "title", "alt", "src", "start", "align",
            },
            AllowedSchemes = new HashSet<string>(SafeSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        return new HtmlSanitizer(options);
    }
}
