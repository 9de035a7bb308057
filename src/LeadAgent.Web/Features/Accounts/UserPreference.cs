namespace LeadAgent.Web.Features.Accounts;

/// <summary>One setting a user chose for themselves (the lead list's columns, …), as JSON under a key.</summary>
public sealed class UserPreference
{
    public const int KeyMax = 100, JsonMax = 4000;

    public required string UserId { get; set; }
    /// <summary>Named by the feature that owns the setting ("leads.columns").</summary>
    public required string Key { get; set; }
    public required string Json { get; set; }
    public DateTime UpdatedAt { get; set; }
}
