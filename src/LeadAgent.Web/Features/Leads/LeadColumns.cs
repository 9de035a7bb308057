using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Leads;

/// <summary>A lead list column: its key, header, and the sort field its header sets (null: it does not sort).</summary>
public sealed record LeadColumn(string Key, string Label, string? Sort, bool ShownByDefault);

/// <summary>
/// The lead list's columns by key, as a user shows and orders them (kept per user and in saved views). Title always
/// comes first: it is the row's link.
/// </summary>
public static class LeadColumns
{
    public const string Title = "title";
    public const int MaxKeys = 50;

    /// <summary>Every column, in the default order. Hidden ones come from the list query at no extra cost.</summary>
    public static readonly IReadOnlyList<LeadColumn> All =
    [
        new(Title, "Title", "title", true), new("company", "Company", null, true),
        new("status", "Status", null, true), new("owner", "Owner", null, true),
        new("score", "Score", "score", true), new("classification", "Class", null, true),
        new("source", "Source", null, true), new("value", "Value", "expectedValue", true),
        new("nextAction", "Next action", "nextActionOn", true), new("orders", "Orders", "orderTotal", true),
        new("tags", "Tags", null, true), new("country", "Country", null, false),
        new("contact", "Contact", null, false), new("createdAt", "Created", "createdAt", false),
        new("updatedAt", "Changed", "updatedAt", false),
    ];

    /// <summary>What a user sees before choosing: the columns the list always had.</summary>
    public static readonly IReadOnlyList<string> Default = [.. All.Where(c => c.ShownByDefault).Select(c => c.Key)];

    /// <summary>
    /// The columns a row's card keeps on a phone (when shown at all); the rest is a tap away. Country stays: when
    /// it is a column, the company cell leaves it out.
    /// </summary>
    public static readonly IReadOnlySet<string> OnPhoneCard =
        new HashSet<string> { Title, "company", "status", "owner", "score", "value", "nextAction", "country" };

    public static LeadColumn? Find(string key) => All.FirstOrDefault(c => c.Key == key);

    /// <summary>
    /// Columns sent by a client, checked: unknown keys are field errors; repeats are dropped and title goes first
    /// (added when left out).
    /// </summary>
    public static List<string> Parse(IReadOnlyList<string?> columns, Errors errors, string field = "columns")
    {
        if (columns.Count > MaxKeys)
        {
            errors.Add(field, $"At most {MaxKeys} columns.");
            return [];
        }
        var unknown = columns.Where(c => c is null || Find(c) is null).Distinct().ToList();
        if (unknown.Count > 0)
        {
            var names = string.Join(", ", unknown.Take(5).Select(c => c is null ? "null" : $"'{Cut(c)}'"));
            errors.Add(field, $"{names}: not a lead column; use {string.Join(", ", All.Select(a => a.Key))}.");
        }
        return Normalize(columns.OfType<string>());
    }

    /// <summary>A stored or picked set made usable: unknown keys and repeats dropped, title first.</summary>
    public static List<string> Normalize(IEnumerable<string>? columns) => columns is null
        ? [.. Default]
        : [Title, .. columns.Where(c => c != Title && Find(c) is not null).Distinct()];

    /// <summary>How a saved view stores its columns (keys never hold a comma).</summary>
    public static string Join(IEnumerable<string> columns) => string.Join(',', columns);

    public static List<string>? Split(string? stored) =>
        string.IsNullOrEmpty(stored) ? null : Normalize(stored.Split(','));

    private static string Cut(string key) => key.Length > 40 ? key[..40] + "…" : key;
}

/// <summary>The columns to show, in order (keys of <see cref="LeadColumns.All"/>; title is always first).</summary>
public sealed record LeadColumnsInput(List<string?>? Columns);

/// <summary>
/// The signed-in user's lead list columns; <see cref="IsDefault"/> when they never chose (or reset). Available lists
/// every column with its header and the sort its header sets.
/// </summary>
public sealed record LeadColumnsDto(List<string> Columns, bool IsDefault, IReadOnlyList<LeadColumn> Available);
