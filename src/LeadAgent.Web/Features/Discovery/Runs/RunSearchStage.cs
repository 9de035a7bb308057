using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Discovery.Alerts;
using LeadAgent.Web.Features.Discovery.Campaigns;
using LeadAgent.Web.Features.Discovery.Search;
using LeadAgent.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>
/// Asks the search provider each planned query (its result pages), from where the run stands. Each query's prospects,
/// the run's counts and the query's place in the plan are committed together, so a resumed run neither repeats nor
/// skips a query. A busy provider is waited for; a spent quota or budget ends the searching, not the run.
/// </summary>
public sealed class RunSearchStage(SearchProviders providers, ProviderSettings settings, AlertService alerts,
    TimeProvider time, DiscoveryOptions options, PolicyCheck policy)
{
    /// <summary>Searches what is left; returns why searching stopped early, if it did.</summary>
    public async Task<string?> RunAsync(RunLease lease, DiscoveryRun run, RunPlan plan, RunControl control,
        CancellationToken ct)
    {
        if (run.NextQuery >= plan.Queries.Count)
        {
            return null;
        }
        var (provider, problem) = providers.Get(plan.Provider, await settings.SavedAsync(ct));
        if (provider is null)
        {
            await alerts.RaiseAsync(AlertKind.ProviderFailing, problem!, run.CampaignId, run.Id, ct);
            return problem;
        }
        var failures = 0;
        for (var i = run.NextQuery; i < plan.Queries.Count; i++)
        {
            var query = plan.Queries[i];
            await control.ThrowIfHaltedAsync(ct);
            if (await SpentAsync(lease, run, ct) + 1 > plan.MonthlyBudget)
            {
                var why = $"Monthly search budget of {plan.MonthlyBudget} reached.";
                await alerts.RaiseAsync(AlertKind.BudgetReached, $"{run.Name}: {why}", run.CampaignId, run.Id, ct);
                return why;
            }
            var sightings = new List<Sighting>();
            var (cost, results) = (0, 0);
            string? warning = null;
            for (var page = 1; page <= plan.ResultPages; page++)
            {
                if (page > 1 && await SpentAsync(lease, run, ct) + cost + 1 > plan.MonthlyBudget)
                {
                    break;
                }
                var answer = await AskAsync(provider, new SearchRequest(query.Text, query.Language, query.Country,
                    page), ct);
                cost += answer.Cost;
                if (answer.Status == SearchStatus.QuotaExhausted)
                {
                    await alerts.RaiseAsync(AlertKind.QuotaExhausted, $"{provider.Name}: {answer.Message}",
                        run.CampaignId, run.Id, ct);
                    await SaveAsync(lease, run, i, query, sightings, results, cost, answer.Message, ct);
                    return $"{provider.Name}'s quota is used up.";
                }
                if (answer.Status != SearchStatus.Ok)
                {
                    warning = $"\"{query.Text}\": {answer.Message}";
                    break;
                }
                if (answer.Warnings is { Count: > 0 } w)
                {
                    warning = $"\"{query.Text}\": {provider.Name} reported {string.Join("; ", w)}";
                }
                results += answer.Hits.Count;
                sightings.AddRange(answer.Hits.Select(h => new Sighting(h.Url, "query", query.Text, h.Title,
                    h.Snippet, h.Rank + (page - 1) * 100)));
                if (!answer.MoreAvailable)
                {
                    break;
                }
            }
            failures = results == 0 && warning is not null ? failures + 1 : 0;
            await SaveAsync(lease, run, i, query, sightings, results, cost, warning, ct);
            if (failures >= 3)
            {
                var why = $"{provider.Name} failed three queries in a row ({warning}).";
                await alerts.RaiseAsync(AlertKind.ProviderFailing, why, run.CampaignId, run.Id, ct);
                return why;
            }
        }
        return null;
    }

    // A busy provider (429) is waited for as long as it asks, within the configured patience.
    private async Task<SearchPage> AskAsync(ISearchProvider provider, SearchRequest request, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await provider.SearchAsync(request, ct);
            var wait = answer.RetryAfter ?? TimeSpan.FromSeconds(2);
            if (answer.Status != SearchStatus.RateLimited || attempt >= 3
                || wait.TotalSeconds > options.MaxProviderWaitSeconds)
            {
                return answer;
            }
            await Task.Delay(wait, time, ct);
        }
    }

    private async Task<int> SpentAsync(RunLease lease, DiscoveryRun run, CancellationToken ct)
    {
        if (run.CampaignId is null)
        {
            return 0;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var month = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var db = await lease.Factory.CreateDbContextAsync(ct);
        return await db.DiscoveryRuns.Where(r => r.CampaignId == run.CampaignId && r.CreatedAt >= month)
            .SumAsync(r => r.Cost, ct);
    }

    private async Task SaveAsync(RunLease lease, DiscoveryRun run, int index, PlannedQuery query,
        List<Sighting> sightings, int results, int cost, string? warning, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await lease.Factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var added = await ProspectIntake.AddAsync(db, policy, run.Id, run.CampaignId, sightings, now, ct);
        await db.SaveChangesAsync(ct);
        var note = warning is null ? null : Warnings.Append(run.Warnings, warning);
        await lease.UpdateAsync(db, s => s.SetProperty(r => r.NextQuery, index + 1)
            .SetProperty(r => r.Queries, r => r.Queries + 1).SetProperty(r => r.Results, r => r.Results + results)
            .SetProperty(r => r.Sites, r => r.Sites + added).SetProperty(r => r.Cost, r => r.Cost + cost)
            .SetProperty(r => r.Warnings, r => note ?? r.Warnings), ct);
        await tx.CommitAsync(ct);
        await QueryYield.RecordAsync(lease.Factory, query.Text, 1, results, 0, now, ct);
        if (note is not null)
        {
            run.Warnings = note;
        }
    }
}

/// <summary>A run's warnings: one per line, the newest kept when they outgrow the column.</summary>
public static class Warnings
{
    public const int Max = 4000;

    public static string Append(string? current, string warning)
    {
        var text = string.IsNullOrEmpty(current) ? warning : current + "\n" + warning;
        return text.Length <= Max ? text : text[^Max..];
    }
}
