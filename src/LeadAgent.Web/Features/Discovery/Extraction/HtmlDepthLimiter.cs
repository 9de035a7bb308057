using System.Collections.Frozen;
using System.Text;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// Flattens pathologically deep markup before parsing. The HTML tree builder checks "has a p element in button
/// scope" and similar by walking the stack of open elements, so thousands of unclosed &lt;div&gt; or &lt;b&gt; cost
/// time quadratic in the depth (20,000 nested divs: over a second; 200,000: minutes). Start tags deeper than
/// <see cref="MaxDepth"/> and their end tags are dropped; text, links and everything shallower stay. One linear scan;
/// ordinary pages (depth well under 100) come back as the same string, unallocated.
/// </summary>
internal static class HtmlDepthLimiter
{
    public const int MaxDepth = 256;

    // Elements that never nest deeper: void ones, ones whose end tag may be left out, and links (the parser closes
    // an open <a> at the next one).
    private static readonly FrozenSet<string> Flat = FrozenSet.ToFrozenSet(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
            "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
            "rb", "rt", "rtc", "rp", "html", "head", "body", "a", "keygen", "basefont", "bgsound", "frame"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> RawText = FrozenSet.ToFrozenSet(
        ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"],
        StringComparer.Ordinal);

    public static string Limit(string html)
    {
        StringBuilder? output = null;   // created at the first dropped tag
        Dictionary<string, int>? dropped = null;
        var depth = 0;
        var copied = 0;                 // html[..copied] is in output (when output exists)
        var i = html.IndexOf('<');
        while (i >= 0 && i < html.Length - 1)
        {
            var next = html[i + 1];
            int end;
            if (html.AsSpan(i).StartsWith("<!--"))
            {
                end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                end = end < 0 ? html.Length : end + 3;
            }
            else if (next is '!' or '?')
            {
                end = TagEnd(html, i);
            }
            else if (next == '/' && i + 2 < html.Length && char.IsAsciiLetter(html[i + 2]))
            {
                var name = Name(html, i + 2);
                end = TagEnd(html, i);
                if (dropped is not null && dropped.GetValueOrDefault(name) > 0)
                {
                    dropped[name]--;
                    Skip(html, ref output, ref copied, i, end);
                }
                else if (!Flat.Contains(name) && depth > 0)
                {
                    depth--;
                }
            }
            else if (char.IsAsciiLetter(next))
            {
                var name = Name(html, i + 1);
                end = TagEnd(html, i);
                var selfClosing = end >= 2 && html[end - 2] == '/';
                if (RawText.Contains(name))
                {
                    var close = html.IndexOf("</" + name, end, StringComparison.OrdinalIgnoreCase);
                    end = close < 0 ? html.Length : close;
                }
                else if (!Flat.Contains(name) && !selfClosing)
                {
                    if (depth >= MaxDepth)
                    {
                        dropped ??= new Dictionary<string, int>(StringComparer.Ordinal);
                        dropped[name] = dropped.GetValueOrDefault(name) + 1;
                        Skip(html, ref output, ref copied, i, end);
                    }
                    else
                    {
                        depth++;
                    }
                }
            }
            else
            {
                end = i + 1;
            }
            i = end < html.Length ? html.IndexOf('<', end) : -1;
        }
        if (output is null)
        {
            return html;
        }
        output.Append(html.AsSpan(copied));
        return output.ToString();
    }

    /// <summary>Leaves html[from..to] out of the output.</summary>
    private static void Skip(string html, ref StringBuilder? output, ref int copied, int from, int to)
    {
        output ??= new StringBuilder(html.Length);
        output.Append(html.AsSpan(copied, from - copied));
        copied = to;
    }

    private static string Name(string html, int at)
    {
        var end = at;
        while (end < html.Length && end - at < 32 && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
        {
            end++;
        }
        return html.Substring(at, end - at).ToLowerInvariant();
    }

    /// <summary>The index after the tag's closing '&gt;'; one inside a quoted attribute value does not count.</summary>
    private static int TagEnd(string html, int start)
    {
        var quote = '\0';
        var afterEquals = false;
        for (var k = start + 1; k < html.Length; k++)
        {
            var c = html[k];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c == '>')
            {
                return k + 1;
            }
            else if (c == '=')
            {
                afterEquals = true;
            }
            else if (afterEquals && c is '"' or '\'')
            {
                (quote, afterEquals) = (c, false);
            }
            else if (!char.IsWhiteSpace(c))
            {
                afterEquals = false;
            }
        }
        return html.Length;
    }
}
