namespace LeadAgent.Web.Features.Inbox.Settings;

/// <summary>An integration setting saved from the UI; secret values are encrypted with ASP.NET Core Data
/// Protection.</summary>
public sealed class StoredSetting
{
    public required string Name { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
