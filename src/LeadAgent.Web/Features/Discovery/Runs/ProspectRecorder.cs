using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Discovery.Research;
using LeadAgent.Web.Features.Discovery.Review;
using LeadAgent.Web.Features.Policy;
using LeadAgent.Web.Features.Qualification.Fit;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>What recording a site's research came to.</summary>
public enum Recorded { NotRecorded, New, Existing, Other, OverBudget }

/// <summary>
/// Records one site's research in one transaction with the run's counts: the prospect's profile and pages, and
/// either the CRM company it matched (filled where it lacks values), a new candidate for the queue, or why it is held.
/// A new candidate takes its slot of the budget inside the transaction, so the budget is exact. A write that clashes
/// (someone edited the matched company meanwhile) is tried again once, then the site is recorded as failed: one site
/// never ends a run.
/// </summary>
public sealed class ProspectRecorder(SqliteWriteGate gate, TimeProvider time, ProspectQualifier qualifier,
    PolicyCheck policy, ILogger<ProspectRecorder> log)
{
    public const int PageTextMax = 20_000;

    public async Task<Recorded> RecordAsync(RunLease lease, Guid prospectId, SiteResearch research, Verdict verdict,
        Func<bool> reserve, Action release, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await TryRecordAsync(lease, prospectId, research, verdict, reserve, release, ct);
            }
            catch (DbUpdateException e) when (attempt == 0)
            {
                log.LogInformation(e, "Recording {Prospect} clashed with another write; trying again.", prospectId);
            }
            catch (DbUpdateException e)
            {
                log.LogWarning(e, "Recording {Prospect} failed twice.", prospectId);
                var failed = SiteResearch.Failed(ResearchState.Unreachable, research.Url,
                    $"Could not be saved: {e.InnerException?.Message ?? e.Message}", research.Requests);
                return await TryRecordAsync(lease, prospectId, failed, new Verdict(false, null), reserve, release, ct);
            }
        }
    }

    private async Task<Recorded> TryRecordAsync(RunLease lease, Guid prospectId, SiteResearch research,
        Verdict verdict, Func<bool> reserve, Action release, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await lease.Factory.CreateDbContextAsync(ct);
        using var _ = await gate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var p = await db.Prospects.FirstAsync(x => x.Id == prospectId, ct);
        if (p.Research != ResearchState.Pending)
        {
            return Recorded.NotRecorded;
        }
        // The team's word may have come while the site was read: a blocked domain is left alone altogether.
        var said = await db.DomainVerdicts.AsNoTracking().FirstOrDefaultAsync(v => v.Domain == p.Domain, ct);
        if (await policy.CheckAsync(db, new PolicySubject(Domain: p.Url), ct) is { Blocked: true } blocked)
        {
            research = SiteResearch.Failed(ResearchState.Skipped, research.Url, blocked.Why, research.Requests);
        }
        (p.Research, p.Outcome, p.Pages, p.ResearchedAt) = (research.State,
            Fit(research.Outcome ?? verdict.HeldBecause, Prospect.ReasonMax), research.Pages.Count, now);
        var outcome = Recorded.Other;
        var reserved = false;
        if (research.Profile is { } profile)
        {
            Flatten(p, profile);
            p.Profile = JsonSerializer.Serialize(profile, RunResearchStage.Json);
            if (await HeldByPolicyAsync(db, profile, research, ct) is { } listed)
            {
                // A blocked keyword (or e-mail, phone) in what the site says: kept, never proposed or merged.
                (p.Review, p.Outcome) = (ReviewState.Held, Fit(listed, Prospect.ReasonMax));
            }
            else if (await CrmMatch.FindAsync(db, p.Domain, profile, ct) is { } match)
            {
                (p.CompanyId, p.MatchEvidence, p.Review) = (match.Id, Fit(match.Evidence, 1000), ReviewState.Enriched);
                var company = await db.Companies.FirstAsync(c => c.Id == match.Id, ct);
                var domainFree = !await db.Companies.AnyAsync(c => c.Domain == p.Domain, ct);
                CompanyEnrichment.Fill(company, profile, research.Url, domainFree);
                outcome = Recorded.Existing;
            }
            else if (await HeldAsync(db, p, said, verdict, ct) is { } why)
            {
                (p.Review, p.Outcome) = (ReviewState.Held, Fit(why, Prospect.ReasonMax));
            }
            else
            {
                if (!reserve())
                {
                    return Recorded.OverBudget;
                }
                (reserved, p.Review, outcome) = (true, ReviewState.Pending, Recorded.New);
            }
            db.ProspectPages.AddRange(research.Pages.Select(page => new ProspectPage
            {
                ProspectId = p.Id,
                Url = Fit(page.Url.ToString(), 2000)!,
                Kind = page.Kind.ToString(),
                Title = Fit(page.Title, Prospect.TextMax),
                FetchedAt = now,
                // A page that asks not to be indexed gives its facts, but its text is not kept.
                Text = page.NoIndex ? "" : Fit(page.Text, PageTextMax)!,
            }));
        }
        else
        {
            p.Review = ReviewState.Held;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            // Judged from what was just saved (profile and page texts), as companies are: the queue's order.
            if (research.Profile is not null && await qualifier.JudgeAsync(db, p.Id, ct) is { } judged)
            {
                ProspectQualifier.Apply(p, judged);
                await db.SaveChangesAsync(ct);
            }
            await CountAsync(lease, db, research, outcome, ct);
            await tx.CommitAsync(ct);
        }
        catch when (reserved)
        {
            release();
            throw;
        }
        return outcome;
    }

    private async Task<string?> HeldByPolicyAsync(AppDbContext db, Extraction.SiteProfile profile,
        SiteResearch research, CancellationToken ct)
    {
        var lists = await policy.SnapshotAsync(db, ct);
        if (lists.NothingBlocked)
        {
            return null;
        }
        var facts = new PolicyFacts();
        facts.Texts.AddRange(new[] { profile.Name, profile.LegalName }.OfType<string>());
        facts.Texts.AddRange(research.Pages.SelectMany(page => new[] { page.Title, page.Text }).OfType<string>());
        if (PolicyValues.Email(profile.Email) is { } email)
        {
            facts.Emails.Add(email);
        }
        if (PolicyValues.Phone(profile.Phone) is { } phone)
        {
            facts.Phones.Add(phone);
        }
        var verdict = lists.Check(facts);
        return verdict.Blocked ? verdict.Why : null;
    }

    // Why a site that is new to the CRM still does not go to the queue, if it does not.
    private static async Task<string?> HeldAsync(AppDbContext db, Prospect p, DomainVerdict? said, Verdict verdict,
        CancellationToken ct)
    {
        if (verdict.HeldBecause is { } because)
        {
            return because;
        }
        if (said is not null)
        {
            return $"Rejected earlier: {said.Reason}";
        }
        return await db.Prospects.AnyAsync(o => o.Domain == p.Domain && o.Id != p.Id
                && o.Review == ReviewState.Pending && o.Research == ResearchState.Researched, ct)
            ? "Already waiting for review from another run." : null;
    }

    private static async Task CountAsync(RunLease lease, AppDbContext db, SiteResearch research, Recorded outcome,
        CancellationToken ct)
    {
        var state = research.State;
        int One(bool yes) => yes ? 1 : 0;
        var (researched, blocked) = (One(state == ResearchState.Researched), One(state == ResearchState.RobotsBlocked));
        var unreachable = One(state is ResearchState.Unreachable or ResearchState.Skipped);
        var (existing, added) = (One(outcome == Recorded.Existing), One(outcome == Recorded.New));
        await lease.UpdateAsync(db, s => s
            .SetProperty(r => r.Researched, r => r.Researched + researched)
            .SetProperty(r => r.RobotsBlocked, r => r.RobotsBlocked + blocked)
            .SetProperty(r => r.Unreachable, r => r.Unreachable + unreachable)
            .SetProperty(r => r.PagesFetched, r => r.PagesFetched + research.Requests)
            .SetProperty(r => r.MatchedExisting, r => r.MatchedExisting + existing)
            .SetProperty(r => r.New, r => r.New + added), ct);
    }

    private static void Flatten(Prospect p, Extraction.SiteProfile profile)
    {
        p.Name = Fit(profile.Name, 200);
        p.LegalName = Fit(profile.LegalName, 200);
        p.VatId = Fit(profile.VatId, 32);
        p.Register = Fit(profile.Register, 200);
        p.Phone = Fit(profile.Phone, 20);
        p.Email = Fit(profile.Email, 254);
        p.Country = profile.Country is { Length: 2 } c ? c.ToUpperInvariant() : null;
        p.City = Fit(profile.City, 100);
        p.Segment = Fit(profile.SegmentsFound.FirstOrDefault(), 32);
    }

    private static string? Fit(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
