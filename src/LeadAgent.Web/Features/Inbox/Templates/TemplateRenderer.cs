using System.Text.RegularExpressions;

namespace LeadAgent.Web.Features.Inbox.Templates;

/// <summary>The values a template can use, looked up for one conversation.</summary>
public sealed record TemplateValues(IReadOnlyDictionary<string, string?> Values)
{
    public static readonly string[] Names =
        ["contact.first_name", "contact.last_name", "contact.name", "company.name", "lead.title", "owner.name",
            "owner.first_name", "owner.email", "user.name"];
}

/// <summary>
/// Fills <c>{{contact.first_name}}</c>-style variables and WhatsApp's numbered <c>{{1}}</c> placeholders. Unknown
/// variables and empty values are reported, not silently sent as blanks.
/// </summary>
public static partial class TemplateRenderer
{
    [GeneratedRegex(@"\{\{\s*([a-z_]+\.[a-z_]+|\d+)\s*\}\}", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();

    /// <summary>How many numbered placeholders ({{1}}, {{2}}…) a WhatsApp body has.</summary>
    public static int NumberedCount(string body) =>
        Placeholder().Matches(body).Select(m => m.Groups[1].Value).Where(v => v.All(char.IsDigit))
            .Select(int.Parse).DefaultIfEmpty(0).Max();

    public static (string Text, List<string> Problems) Render(string body, TemplateValues values,
        IReadOnlyList<string>? parameters = null)
    {
        var problems = new List<string>();
        var text = Placeholder().Replace(body, m =>
        {
            var name = m.Groups[1].Value.ToLowerInvariant();
            if (name.All(char.IsDigit))
            {
                var index = int.Parse(name, System.Globalization.CultureInfo.InvariantCulture) - 1;
                if (parameters is null || index >= parameters.Count || string.IsNullOrWhiteSpace(parameters[index]))
                {
                    problems.Add($"Parameter {{{{{name}}}}} needs a value.");
                    return m.Value;
                }
                // A parameter may itself use variables ("{{contact.first_name}}").
                var (inner, innerProblems) = Render(parameters[index], values);
                problems.AddRange(innerProblems);
                return inner;
            }
            if (!values.Values.TryGetValue(name, out var value))
            {
                problems.Add($"Unknown variable {{{{{name}}}}}; known: {string.Join(", ", TemplateValues.Names)}.");
                return m.Value;
            }
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{{{{{name}}}}} is empty for this conversation.");
                return "";
            }
            return value;
        });
        return (text, problems);
    }
}
