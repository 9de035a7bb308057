using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Policy;

/// <summary>What a feature is about to touch: any of these may be blocked.</summary>
public sealed record PolicySubject(string? Domain = null, Guid? CompanyId = null, Guid? ContactId = null,
    string? Email = null, string? Phone = null, string? Text = null);

/// <summary>The answer: blocked or not, and by which entry (its reason is shown to people).</summary>
public sealed record PolicyVerdict(bool Blocked, PolicyEntry? Entry)
{
    public static readonly PolicyVerdict Clear = new(false, null);

    public string Why => Entry is null ? "" : $"On the block list ({Entry.Kind} {Entry.Value}): {Entry.Reason}";
}

/// <summary>
/// The one policy check every feature asks before it fetches, proposes, imports, answers or contacts.
/// </summary>
public sealed class PolicyCheck
{
    /// <summary>Whether the subject is blocked (block entries, minus what an allow entry exempts).</summary>
    public Task<PolicyVerdict> CheckAsync(AppDbContext db, PolicySubject subject, CancellationToken ct) =>
        Task.FromResult(PolicyVerdict.Clear); // TODO(issue 15): the policy helper implements the lists.

    /// <summary>The leads among <paramref name="leadIds"/> whose company, contact or reach is blocked.</summary>
    public Task<HashSet<Guid>> BlockedLeadsAsync(AppDbContext db, IReadOnlyCollection<Guid> leadIds,
        CancellationToken ct) => Task.FromResult(new HashSet<Guid>()); // TODO(issue 15): as above.
}
