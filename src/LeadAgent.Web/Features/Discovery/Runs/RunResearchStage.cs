using System.Text.Json;
using LeadAgent.Web.Features.Discovery.Campaigns;
using LeadAgent.Web.Features.Discovery.Extraction;
using LeadAgent.Web.Features.Discovery.Research;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Policy;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>Why research ended before every site was read.</summary>
public enum ResearchStop { None, Budget, Cancel, Pause }

/// <summary>
/// Researches the run's pending sites, many at once (each host at its own polite pace), and records each site's
/// outcome the moment it is known. New companies count against the run's budget exactly: a site that would go over
/// it stays pending and the run stops there.
/// </summary>
public sealed class RunResearchStage(SiteResearcher researcher, ProspectRecorder recorder, TimeProvider time,
    DiscoveryOptions options, PolicyCheck policy, ILogger<RunResearchStage> log)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ResearchStop> RunAsync(RunLease lease, DiscoveryRun run, RunPlan plan, int newLimit,
        RunControl control, CancellationToken ct)
    {
        List<(Guid Id, string Url, string FoundBy, string FoundVia)> pending;
        await using (var db = await lease.Factory.CreateDbContextAsync(ct))
        {
            pending = (await db.Prospects.Where(p => p.RunId == run.Id && p.Research == ResearchState.Pending)
                .OrderBy(p => p.Rank).ThenBy(p => p.Id).Select(p => new { p.Id, p.Url, p.FoundBy, p.FoundVia })
                .ToListAsync(ct)).Select(p => (p.Id, p.Url, p.FoundBy, p.FoundVia)).ToList();
        }
        var context = new ExtractionContext(plan.SegmentWords);
        var counted = run.New;
        var stop = (int)ResearchStop.None;
        using var halt = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
        // A budget reached lets the sites in flight finish; pause and cancel stop them too (they stay pending and
        // are read again on resume). The first reason wins.
        void Halt(ResearchStop why)
        {
            Interlocked.CompareExchange(ref stop, (int)why, (int)ResearchStop.None);
            if (why != ResearchStop.Budget)
            {
                halt.Cancel();
            }
        }
        // A new company takes a slot of the budget only once it is known to be new (after the CRM match).
        bool Reserve()
        {
            if (Interlocked.Increment(ref counted) <= newLimit)
            {
                return true;
            }
            Interlocked.Decrement(ref counted);
            return false;
        }
        void Release() => Interlocked.Decrement(ref counted);
        var watch = WatchAsync(control, Halt, halt.Token);
        try
        {
            await Parallel.ForEachAsync(pending,
                new ParallelOptions
                {
                    MaxDegreeOfParallelism = options.SitesInParallel,
                    CancellationToken = halt.Token,
                },
                async (p, c) =>
                {
                    if (await control.StopAsync(c) is var why and not ResearchStop.None)
                    {
                        Halt(why);
                        return;
                    }
                    if (Volatile.Read(ref stop) == (int)ResearchStop.Budget || Volatile.Read(ref counted) >= newLimit)
                    {
                        Halt(ResearchStop.Budget);
                        return;
                    }
                    // The block list may have grown since the site was found: a blocked site is never fetched.
                    var research = await BlockedAsync(lease, p.Url, c) is { } blocked
                        ? SiteResearch.Failed(ResearchState.Skipped, new Uri(p.Url), blocked, 0)
                        : await ResearchAsync(new Uri(p.Url), plan.PagesPerSite, context, c);
                    var verdict = Judge(research, p.FoundBy, plan);
                    var recorded = await recorder.RecordAsync(lease, p.Id, research, verdict, Reserve, Release, c);
                    if (recorded == Recorded.OverBudget)
                    {
                        Halt(ResearchStop.Budget);
                    }
                    if (recorded == Recorded.New && p.FoundBy == "query")
                    {
                        await QueryYield.RecordAsync(lease.Factory, p.FoundVia, 0, 0, 1,
                            time.GetUtcNow().UtcDateTime, CancellationToken.None);
                    }
                });
        }
        catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested)
        {
            throw new RunLeaseLostException();
        }
        catch (OperationCanceledException) when (stop != (int)ResearchStop.None && !ct.IsCancellationRequested)
        {
        }
        finally
        {
            await halt.CancelAsync();
            await watch;
        }
        if (lease.Lost.IsCancellationRequested)
        {
            throw new RunLeaseLostException();
        }
        return (ResearchStop)stop;
    }

    private async Task<string?> BlockedAsync(RunLease lease, string url, CancellationToken ct)
    {
        await using var db = await lease.Factory.CreateDbContextAsync(ct);
        var verdict = await policy.CheckAsync(db, new PolicySubject(Domain: url), ct);
        return verdict.Blocked ? verdict.Why : null;
    }

    // A site whose research throws (a bug, a parser surprise) is recorded as such; it does not end the run.
    private async Task<SiteResearch> ResearchAsync(Uri url, int pages, ExtractionContext context,
        CancellationToken ct)
    {
        try
        {
            return await researcher.ResearchAsync(url, pages, context, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Research of {Url} failed.", url);
            return SiteResearch.Failed(ResearchState.Unreachable, url, $"Research failed: {e.Message}", 0);
        }
    }

    private async Task WatchAsync(RunControl control, Action<ResearchStop> halt, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
                if (await control.StopAsync(ct) is var why and not ResearchStop.None)
                {
                    halt(why);
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                // The database away for a moment: look again at the next tick.
                log.LogWarning(e, "Watching the run for pause or cancel failed.");
            }
        }
    }

    /// <summary>
    /// Whether a researched site is a candidate for the queue: one found by a search must not lie outside the
    /// campaign's regions (a list or a seed was chosen by a person, so it counts as it is). Segment words found are
    /// recorded but decide nothing: sites describe themselves too loosely (a bakery caters corporate events, a coffee
    /// brand never says "brand owner") for words to sort them; that is the qualification's job.
    /// </summary>
    public static Verdict Judge(SiteResearch research, string foundBy, RunPlan plan)
    {
        if (research.State != ResearchState.Researched || research.Profile is not { } profile)
        {
            return new Verdict(false, null);
        }
        if (foundBy == "query" && plan.Regions.Count > 0 && profile.Country is { } country
            && !plan.Regions.Contains(country, StringComparer.OrdinalIgnoreCase))
        {
            return new Verdict(false, $"In {country}, outside the campaign's regions.");
        }
        return new Verdict(true, null);
    }
}

/// <summary>Whether a site counts as a new candidate, or why it is held back.</summary>
public sealed record Verdict(bool IsNew, string? HeldBecause);
