namespace LeadAgent.Web.Ui.Shared;

/// <summary>One active filter of a list: its key (the address parameter it comes from) and how it reads.</summary>
public sealed record FilterChip(string Key, string Label)
{
    /// <summary>The chip "label: value" when the filter has a value, else none.</summary>
    public static IEnumerable<FilterChip> When(string key, string label, string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : [new FilterChip(key, $"{label}: {value}")];

    /// <summary>The chip of a switch that is on, else none.</summary>
    public static IEnumerable<FilterChip> When(string key, string label, bool on) =>
        on ? [new FilterChip(key, label)] : [];
}
