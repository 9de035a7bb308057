using System.Text.Json;
using LeadAgent.Web.Features.Discovery.Campaigns;
using LeadAgent.Web.Features.Discovery.Extraction;
using LeadAgent.Web.Features.Discovery.Research;
using LeadAgent.Web.Features.Discovery.Review;
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
    DiscoveryOptions options)
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
        var stop = ResearchStop.None;
        using var halt = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lost);
        // A budget reached lets the sites in flight finish (their slots are taken); pause and cancel stop them too.
        void Halt(ResearchStop why)
        {
            if (stop == ResearchStop.None)
            {
                stop = why;
            }
            if (why != ResearchStop.Budget)
            {
                halt.Cancel();
            }
        }
        // A pause or cancel stops the sites in flight too (they stay pending and are read again on resume).
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
                    if (await control.StopAsync(c) is { } why and not ResearchStop.None)
                    {
                        Halt(why);
                        return;
                    }
                    if (stop == ResearchStop.Budget || Volatile.Read(ref counted) >= newLimit)
                    {
                        Halt(ResearchStop.Budget);
                        return;
                    }
                    var research = await researcher.ResearchAsync(new Uri(p.Url), plan.PagesPerSite, context, c);
                    var verdict = Judge(research, p.FoundBy, plan);
                    if (verdict.IsNew && Interlocked.Increment(ref counted) > newLimit)
                    {
                        Interlocked.Decrement(ref counted);
                        Halt(ResearchStop.Budget);
                        return;
                    }
                    var recorded = await recorder.RecordAsync(lease, p.Id, research, verdict, c);
                    if (verdict.IsNew && recorded != Recorded.New)
                    {
                        Interlocked.Decrement(ref counted);
                    }
                    if (recorded == Recorded.New && p.FoundBy == "query")
                    {
                        await QueryYield.RecordAsync(lease.Factory, p.FoundVia, 0, 0, 1,
                            time.GetUtcNow().UtcDateTime, CancellationToken.None);
                    }
                });
        }
        catch (OperationCanceledException) when (stop != ResearchStop.None && !ct.IsCancellationRequested)
        {
        }
        finally
        {
            await halt.CancelAsync();
            await watch;
        }
        lease.Lost.ThrowIfCancellationRequested();
        return stop;
    }

    private async Task WatchAsync(RunControl control, Action<ResearchStop> halt, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
                if (await control.StopAsync(ct) is var why and not ResearchStop.None)
                {
                    halt(why);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
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
