using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Crm;

/// <summary>Tags are short, lower-case and unique per record.</summary>
public static class Tags
{
    public static List<string> Normalize(IEnumerable<string>? tags, Errors errors, string field = "tags")
    {
        var result = new List<string>();
        foreach (var raw in tags ?? [])
        {
            var tag = raw?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(tag))
            {
                continue;
            }
            if (tag.Length > 50 || tag.Any(char.IsControl))
            {
                errors.Add(field, $"Tag '{Cut(tag)}' must be at most 50 printable characters.");
                continue;
            }
            if (!result.Contains(tag))
            {
                result.Add(tag);
            }
        }
        if (result.Count > 50)
        {
            errors.Add(field, "At most 50 tags.");
        }
        return result;
    }

    private static string Cut(string s) => s.Length > 20 ? s[..20] + "…" : s;
}
