using LeadAgent.Web.Features.Discovery.Research;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>
/// Reads the run's directory lists in turn, from where it stands: each list's company sites and the run's place in
/// its lists are committed together.
/// </summary>
public sealed class RunListStage(DirectoryReader reader, TimeProvider time)
{
    public async Task RunAsync(RunLease lease, DiscoveryRun run, RunPlan plan, RunControl control,
        CancellationToken ct)
    {
        for (var i = run.NextList; i < plan.Lists.Count; i++)
        {
            var list = plan.Lists[i];
            await control.ThrowIfHaltedAsync(ct);
            var (sites, problem) = Uri.TryCreate(list, UriKind.Absolute, out var url)
                ? await reader.ReadAsync(url, ct) : ([], $"'{list}' is not a web address.");
            var sightings = sites.Select((s, rank) => new Sighting(s.Url, "list", list, s.Name, null, rank + 1))
                .ToList();
            await using var db = await lease.Factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var added = await ProspectIntake.AddAsync(db, run.Id, run.CampaignId, sightings,
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
}
