using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>What one walk over a parsed page collects for the extractors.</summary>
internal sealed class PageMaterial
{
    /// <summary>Visible text, a line per block, spaces collapsed, at most <see cref="PageWalker.TextCap"/>.</summary>
    public string Text { get; set; } = "";
    public string? Title { get; set; }
    public string? Lang { get; set; }
    public string? BaseHref { get; set; }
    /// <summary>meta name / property (lower case) → content; the first of each wins.</summary>
    public Dictionary<string, string> Meta { get; } = new(StringComparer.Ordinal);
    public List<(string Href, string Text)> Anchors { get; } = [];
    public List<string> CloudflareHex { get; } = [];
    public List<string> JsonLd { get; } = [];
    public List<(string Prop, string Value)> Microdata { get; } = [];
}

/// <summary>
/// One iterative pass over the DOM (no recursion, so depth costs no stack): text with block structure, anchors,
/// meta tags, JSON-LD scripts, Cloudflare-protected addresses and a few microdata properties. Navigation and cookie
/// banners are walked for their links but left out of the text; scripts, styles, forms' option lists are skipped.
/// </summary>
internal static class PageWalker
{
    public const int TextCap = 60_000;
    private const int MaxAnchors = 2_000, MaxScripts = 20, MaxCloudflare = 100, MaxMicrodata = 100, AnchorTextCap = 200;

    private static readonly FrozenSet<string> Skipped = FrozenSet.ToFrozenSet(
        ["script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "select",
            "textarea", "math", "video", "audio"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Blocks = FrozenSet.ToFrozenSet(
        ["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
            "header", "footer", "address", "aside", "main", "dl", "dt", "dd", "blockquote", "form", "fieldset", "hr",
            "pre", "figure", "figcaption", "body", "nav", "tbody", "thead", "caption", "label", "button", "center",
            "details", "summary", "legend", "dialog"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> MicrodataProps = FrozenSet.ToFrozenSet(
        ["telephone", "email", "legalName", "streetAddress", "postalCode", "addressLocality", "addressCountry",
            "vatID"], StringComparer.Ordinal);

    public static PageMaterial Walk(IDocument document)
    {
        var m = new PageMaterial();
        var text = new TextBuilder(TextCap);
        var root = document.DocumentElement;
        if (root is null)
        {
            return m;
        }
        m.Lang = root.GetAttribute("lang") ?? root.GetAttribute("xml:lang");
        var quiet = 0;                 // depth inside nav / cookie banners: links yes, text no
        var quietAt = new Stack<INode>();
        (IElement Element, int Start)? anchor = null;
        INode? node = root.FirstChild;
        while (node is not null)
        {
            var descend = false;
            if (node is IText t)
            {
                if (quiet == 0)
                {
                    text.Append(t.Data);
                }
            }
            else if (node is IElement e)
            {
                descend = Enter(e, m, text, ref anchor);
                if (descend && IsQuiet(e))
                {
                    quiet++;
                    quietAt.Push(e);
                }
            }
            if (descend && node.FirstChild is { } child)
            {
                node = child;
                continue;
            }
            // Leave this node and every ancestor whose last child it was.
            while (node is not null && node != root)
            {
                if (node is IElement left)
                {
                    Leave(left, m, text, ref anchor, quiet > 0);
                    if (quietAt.Count > 0 && quietAt.Peek() == left)
                    {
                        quietAt.Pop();
                        quiet--;
                    }
                }
                if (node.NextSibling is { } next)
                {
                    node = next;
                    break;
                }
                node = node.Parent;
            }
            if (node == root)
            {
                break;
            }
        }
        m.Text = text.ToString();
        return m;
    }

    /// <summary>Handles an element on the way in; false when its children are not to be walked.</summary>
    private static bool Enter(IElement e, PageMaterial m, TextBuilder text, ref (IElement, int)? anchor)
    {
        var name = e.LocalName;
        if (e.GetAttribute("data-cfemail") is { Length: > 0 } hex && m.CloudflareHex.Count < MaxCloudflare)
        {
            m.CloudflareHex.Add(hex);
        }
        if (m.Microdata.Count < MaxMicrodata && e.GetAttribute("itemprop") is { Length: > 0 } prop
            && MicrodataProps.Contains(prop))
        {
            var value = e.GetAttribute("content") ?? e.GetAttribute("href") ?? Cap(e.TextContent, AnchorTextCap);
            m.Microdata.Add((prop, value));
        }
        switch (name)
        {
            case "title":
                m.Title ??= Collapse(Cap(e.TextContent, 1_000));
                return false;
            case "meta":
                Meta(e, m);
                return false;
            case "base":
                m.BaseHref ??= e.GetAttribute("href");
                return false;
            case "script":
                if (m.JsonLd.Count < MaxScripts
                    && e.GetAttribute("type")?.Trim().Equals("application/ld+json",
                        StringComparison.OrdinalIgnoreCase) == true)
                {
                    m.JsonLd.Add(e.TextContent);
                }
                return false;
            case "head":
                return true;
            case "a" or "area":
                if (e.HasAttribute("href") && m.Anchors.Count < MaxAnchors)
                {
                    anchor = (e, text.Length);
                }
                break;
        }
        if (Skipped.Contains(name))
        {
            return false;
        }
        if (Blocks.Contains(name))
        {
            text.NewLine();
        }
        else if (name is "td" or "th")
        {
            text.Append(" ");
        }
        return true;
    }

    private static void Leave(IElement e, PageMaterial m, TextBuilder text, ref (IElement Element, int Start)? anchor,
        bool quiet)
    {
        if (anchor is { } open && open.Element == e)
        {
            var words = quiet || text.Full ? Collapse(Cap(e.TextContent, AnchorTextCap)) : text.Since(open.Start);
            if (words.Length == 0)
            {
                // An image link: its alt or title text says where it goes.
                words = e.GetAttribute("title") ?? e.QuerySelector("img[alt]")?.GetAttribute("alt") ?? "";
            }
            m.Anchors.Add((e.GetAttribute("href")!, Cap(words.Trim(), AnchorTextCap)));
            anchor = null;
        }
        if (Blocks.Contains(e.LocalName))
        {
            text.NewLine();
        }
    }

    private static bool IsQuiet(IElement e)
    {
        if (e.LocalName == "nav" || e.GetAttribute("role") == "navigation")
        {
            return true;
        }
        if (e.LocalName is not ("div" or "section" or "aside" or "dialog" or "form"))
        {
            return false;
        }
        var marks = string.Concat(e.GetAttribute("id"), " ", e.GetAttribute("class"));
        return marks.Contains("cookie", StringComparison.OrdinalIgnoreCase)
            || marks.Contains("consent", StringComparison.OrdinalIgnoreCase);
    }

    private static void Meta(IElement e, PageMaterial m)
    {
        var key = e.GetAttribute("name") ?? e.GetAttribute("property") ?? e.GetAttribute("http-equiv");
        if (key is null || e.GetAttribute("content") is not { } content)
        {
            return;
        }
        m.Meta.TryAdd(key.Trim().ToLowerInvariant(), Collapse(Cap(content, 2_000)));
    }

    private static string Cap(string s, int max) => s.Length <= max ? s : s[..max];

    public static string Collapse(string s)
    {
        var b = new TextBuilder(s.Length);
        b.Append(s);
        return b.ToString();
    }
}

/// <summary>Appends text with runs of white space collapsed to one space, and line breaks between blocks.</summary>
internal sealed class TextBuilder(int cap)
{
    private readonly StringBuilder _sb = new();
    private bool _space;

    public int Length => _sb.Length;
    public bool Full => _sb.Length >= cap;

    public void Append(string s)
    {
        foreach (var c in s)
        {
            if (_sb.Length >= cap)
            {
                return;
            }
            if (char.IsWhiteSpace(c))
            {
                _space = true;
            }
            else if (c is not ('\u200B' or '\u00AD' or '\u200C' or '\u200D' or '\uFEFF' or '\0'))
            {
                if (_space && _sb.Length > 0 && _sb[^1] != '\n')
                {
                    _sb.Append(' ');
                }
                _space = false;
                _sb.Append(c);
            }
        }
    }

    public void NewLine()
    {
        if (_sb.Length > 0 && _sb[^1] != '\n' && _sb.Length < cap)
        {
            _sb.Append('\n');
        }
        _space = false;
    }

    public string Since(int start) =>
        start >= _sb.Length ? "" : _sb.ToString(start, _sb.Length - start).Replace('\n', ' ');

    public override string ToString() => _sb.ToString().TrimEnd('\n');
}
