using LeadAgent.Web.Features.Discovery.Research;
using LeadAgent.Web.Features.Policy;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>
/// Reads the run's directory lists in turn, from where it stands: each list's company sites and the run's place in
/// its lists are committed together.
/// </summary>
public sealed class RunListStage(DirectoryReader reader, PolicyCheck policy, TimeProvider time)
{
    public async Task RunAsync(RunLease lease, DiscoveryRun run, RunPlan plan, RunControl control,
        CancellationToken ct)
    {
        for (var i = run.NextList; i < plan.Lists.Count; i++)
        {
            var list = plan.Lists[i];
            await control.ThrowIfHaltedAsync(ct);
            var (sites, problem) = !Uri.TryCreate(list, UriKind.Absolute, out var url)
                ? ([], $"'{list}' is not a web address.")
                : await BlockedAsync(lease, url, ct) is { } why ? ([], why) : await reader.ReadAsync(url, ct);
            var sightings = sites.Select((s, rank) => new Sighting(s.Url, "list", list, s.Name, null, rank + 1))
                .ToList();
            await using var db = await lease.Factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var added = await ProspectIntake.AddAsync(db, policy, run.Id, run.CampaignId, sightings,
                time.GetUtcNow().UtcDateTime, ct);
            await db.SaveChangesAsync(ct);
            var note = problem is null ? null : Warnings.Append(run.Warnings, $"List {list}: {problem}");
            var index = i;
            await lease.UpdateAsync(db, s => s.SetProperty(r => r.NextList, index + 1)
                .SetProperty(r => r.Results, r => r.Results + sites.Count)
                .SetProperty(r => r.Sites, r => r.Sites + added)
                .SetProperty(r => r.Warnings, r => note ?? r.Warnings), ct);
            await tx.CommitAsync(ct);
            run.Warnings = note ?? run.Warnings;
        }
    }

    // A directory on the block list is not read either.
    private async Task<string?> BlockedAsync(RunLease lease, Uri url, CancellationToken ct)
    {
        await using var db = await lease.Factory.CreateDbContextAsync(ct);
        var verdict = await policy.CheckAsync(db, new PolicySubject(Domain: url.IdnHost), ct);
        return verdict.Blocked ? verdict.Why : null;
    }
}
