using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Leads;

/// <summary>
/// Each user's lead list columns, kept as their own preference: any role chooses its own, other users are unaffected.
/// </summary>
public sealed class LeadColumnSettings(UserPreferences prefs)
{
    public const string PreferenceKey = "leads.columns";

    public async Task<LeadColumnsDto> GetAsync(string userId, CancellationToken ct = default)
    {
        var stored = await prefs.GetAsync<List<string>>(userId, PreferenceKey, ct);
        return Dto(stored is null ? null : LeadColumns.Normalize(stored));
    }

    /// <summary>Checks and keeps the columns (unknown keys are field errors; repeats dropped, title first).</summary>
    public async Task<LeadColumnsDto> SetAsync(string userId, LeadColumnsInput input, CancellationToken ct = default)
    {
        var errors = new Errors();
        if (input.Columns is null)
        {
            errors.Add("columns", "Required: the column keys in order (DELETE goes back to the default columns).");
        }
        var columns = LeadColumns.Parse(input.Columns ?? [], errors);
        errors.ThrowIfAny();
        await prefs.SetAsync(userId, PreferenceKey, columns, ct);
        return Dto(columns);
    }

    /// <summary>Back to the default columns (and to whatever a later version makes the default).</summary>
    public async Task<LeadColumnsDto> ResetAsync(string userId, CancellationToken ct = default)
    {
        await prefs.RemoveAsync(userId, PreferenceKey, ct);
        return Dto(null);
    }

    private static LeadColumnsDto Dto(List<string>? chosen) =>
        new(chosen ?? [.. LeadColumns.Default], chosen is null, LeadColumns.All);
}
