using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Discovery.Research;
using LeadAgent.Web.Features.Discovery.Review;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Runs;

/// <summary>What recording a site's research came to.</summary>
public enum Recorded { NotRecorded, New, Existing, Other }

/// <summary>
/// Records one site's research in one transaction with the run's counts: the prospect's profile and pages, and
/// either the CRM company it matched (filled where it lacks values), a new candidate for the queue, or why it is held.
/// </summary>
public sealed class ProspectRecorder(SqliteWriteGate gate, TimeProvider time)
{
    public const int PageTextMax = 20_000;

    public async Task<Recorded> RecordAsync(RunLease lease, Guid prospectId, SiteResearch research, Verdict verdict,
        CancellationToken ct)
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
        (p.Research, p.Outcome, p.Pages, p.ResearchedAt) = (research.State,
            Fit(research.Outcome ?? verdict.HeldBecause, Prospect.ReasonMax), research.Pages.Count, now);
        var outcome = Recorded.Other;
        if (research.Profile is { } profile)
        {
            Flatten(p, profile);
            p.Profile = JsonSerializer.Serialize(profile, RunResearchStage.Json);
            if (await CrmMatch.FindAsync(db, p.Domain, profile, ct) is { } match)
            {
                (p.CompanyId, p.MatchEvidence, p.Review) = (match.Id, Fit(match.Evidence, 1000), ReviewState.Enriched);
                var company = await db.Companies.FirstAsync(c => c.Id == match.Id, ct);
                var domainFree = !await db.Companies.AnyAsync(c => c.Domain == p.Domain, ct);
                CompanyEnrichment.Fill(company, profile, research.Url, domainFree);
                outcome = Recorded.Existing;
            }
            else
            {
                p.Review = verdict.IsNew ? ReviewState.Pending : ReviewState.Held;
                outcome = verdict.IsNew ? Recorded.New : Recorded.Other;
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
        await db.SaveChangesAsync(ct);
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
        await tx.CommitAsync(ct);
        return outcome;
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
