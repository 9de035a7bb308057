using AngleSharp.Html.Parser;

namespace LeadAgent.Tests.Notes;

/// <summary>Finds what could run script in an HTML fragment, the way a browser parses it.</summary>
public static class ActiveHtml
{
    private static readonly string[] Schemes = ["javascript:", "vbscript:", "data:"];

    private static readonly string[] Elements =
        ["script", "iframe", "frame", "object", "embed", "svg", "math", "style", "form", "base", "meta", "link"];

    public static List<string> Find(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html);
        var found = new List<string>();
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            if (Elements.Contains(element.LocalName))
            {
                found.Add($"<{element.LocalName}>");
            }
            foreach (var attribute in element.Attributes)
            {
                // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
                var value = new string(attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))
                    .ToArray()).ToLowerInvariant();
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || attribute.Name is "style" or "srcdoc" or "formaction"
                    || Schemes.Any(value.StartsWith))
                {
                    found.Add($"{element.LocalName}[{attribute.Name}={attribute.Value}]");
                }
            }
        }
        return found;
    }
}
