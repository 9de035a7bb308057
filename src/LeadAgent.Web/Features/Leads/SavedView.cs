using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Leads;

/// <summary>A user's named filter + sort (+ columns) for the lead list.</summary>
public sealed class SavedView
{
    public const int NameMax = 100, FilterJsonMax = 4000, ColumnsMax = 1000;

    public Guid Id { get; set; } = Ids.NewV7();
    public required string UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>Serialized <see cref="LeadFilter"/>.</summary>
    public required string FilterJson { get; set; }
    /// <summary>Lead column keys, comma-separated; null for views that keep the user's columns.</summary>
    public string? Columns { get; set; }
    public DateTime CreatedAt { get; set; }
}
