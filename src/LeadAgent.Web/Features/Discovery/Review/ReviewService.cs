using System.Globalization;
using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Discovery.Extraction;
using LeadAgent.Web.Features.Discovery.Runs;
using LeadAgent.Web.Features.Policy;
using LeadAgent.Web.Features.Qualification.Work;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Review;

/// <summary>
/// The review queue: researched companies new to the CRM, with their evidence; accepting makes a lead (see
/// <see cref="ProspectAcceptance"/>), rejecting remembers the domain so it is never proposed again. Blocking puts the
/// domain on the policy block list (<see cref="PolicyService"/>), which every feature obeys; verdicts blocked before
/// that list existed still block (<see cref="PolicyCheck"/> reads them).
/// </summary>
public sealed class ReviewService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time,
    PolicyService policies, PolicyCheck policy)
{
    public async Task<Page<ProspectRow>> ListAsync(ProspectQuery query, CancellationToken ct = default)
    {
        var errors = new Errors();
        var take = Cursor.ClampLimit(query.Limit, errors);
        var state = State(query.Review, errors);
        errors.ThrowIfAny();
        var cursor = Cursor.Decode(query.Cursor, "-fit");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = Filter(db, state, query);
        // The best fitting first (not yet judged last), then the newest.
        if (cursor is not null)
        {
            var (fit, after) = (Cursor.Read(int.Parse, cursor.Value ?? ""), cursor.Id);
            rows = rows.Where(p => (p.FitScore ?? -1) < fit
                || ((p.FitScore ?? -1) == fit && p.Id.CompareTo(after) < 0));
        }
        var list = await Ranked(rows).Take(take + 1).ToListAsync(ct);
        return Page<ProspectRow>.FromLookahead(list.Select(ProspectRow.Of).ToList(), take,
            p => new Cursor("-fit", (p.FitScore ?? -1).ToString(CultureInfo.InvariantCulture), p.Id).Encode(), null);
    }

    /// <summary>The queue's order: fit score, highest first (not yet judged last), then the newest.</summary>
    public static IQueryable<Prospect> Ranked(IQueryable<Prospect> rows) =>
        rows.OrderByDescending(p => p.FitScore ?? -1).ThenByDescending(p => p.Id);

    /// <summary>The queue's rows as filtered, for the list and the CSV export.</summary>
    public static IQueryable<Prospect> Filter(AppDbContext db, ReviewState? state, ProspectQuery query)
    {
        var rows = db.Prospects.AsNoTracking();
        if (state is { } s)
        {
            // Sites not researched yet (or not reachable) wait in their run, not in the queue.
            rows = s == ReviewState.Pending ? rows.Where(p => p.Review == s && p.Research == ResearchState.Researched)
                : rows.Where(p => p.Review == s);
        }
        if (query.RunId is { } run)
        {
            rows = rows.Where(p => p.RunId == run);
        }
        if (query.CampaignId is { } campaign)
        {
            rows = rows.Where(p => p.CampaignId == campaign);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLowerInvariant();
            rows = rows.Where(p => p.Domain.Contains(q) || (p.Name != null && p.Name.ToLower().Contains(q)));
        }
        return rows;
    }

    public async Task<ProspectDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Prospects.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("Prospect", id);
        var profile = Profile(p);
        var pages = await db.ProspectPages.AsNoTracking().Where(x => x.ProspectId == id).OrderBy(x => x.FetchedAt)
            .Select(x => new ProspectPageRow(x.Url, x.Kind, x.Title,
                x.Text.Length > 400 ? x.Text.Substring(0, 400) : x.Text, x.FetchedAt))
            .ToListAsync(ct);
        return new ProspectDetail(ProspectRow.Of(p), profile?.Facts ?? [], profile?.Socials ?? [],
            profile?.Directors ?? [], profile?.People ?? [], profile?.Description, pages);
    }

    public async Task<AcceptResult> AcceptAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("review discovered companies");
        // Blocked after it was proposed (on the policy page, say): never accepted.
        var site = await db.Prospects.Where(x => x.Id == id).Select(x => new { x.Url, x.Name }).FirstOrDefaultAsync(ct);
        if (site is not null && await policy.CheckAsync(db, new PolicySubject(Domain: site.Url, Text: site.Name), ct)
                is { Blocked: true } blocked)
        {
            throw new ConflictException($"Not accepted: {blocked.Why}");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var p = await ClaimAsync(db, id, ReviewState.Accepted, ct);
        var lead = await ProspectAcceptance.AcceptAsync(db, p, Profile(p), time.GetUtcNow().UtcDateTime, ct);
        await MarkAsync(db, p, ReviewState.Accepted, null);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new AcceptResult(ProspectRow.Of(p), lead.CompanyId, lead.Id);
    }

    public async Task<ProspectRow> RejectAsync(Guid id, RejectInput input, CancellationToken ct = default)
    {
        var errors = new Errors();
        var reason = errors.Required("reason", input.Reason, Prospect.ReasonMax);
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("review discovered companies");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var p = await ClaimAsync(db, id, ReviewState.Rejected, ct);
        await MarkAsync(db, p, ReviewState.Rejected, reason);
        await RememberAsync(db, p.Domain, reason!, ct);
        if (input.Block ?? false)
        {
            await policies.BlockDomainAsync(db, p.Domain, reason!, ct);
        }
        await db.SaveChangesAsync(ct);
        // The same domain waiting in the queue from another run goes with it.
        await db.Prospects.Where(o => o.Domain == p.Domain && o.Id != p.Id && o.Review == ReviewState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Review, ReviewState.Rejected)
                .SetProperty(o => o.RejectReason, reason), ct);
        await tx.CommitAsync(ct);
        policy.Invalidate();
        return ProspectRow.Of(p);
    }

    public async Task<List<DomainVerdictDto>> VerdictsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var blocked = (await db.PolicyEntries.Where(e => e.Kind == PolicyKind.Domain && e.List == PolicyList.Block)
            .Select(e => e.Value).ToListAsync(ct)).ToHashSet();
        return (await db.DomainVerdicts.AsNoTracking().OrderByDescending(v => v.At).ToListAsync(ct))
            .Select(v => new DomainVerdictDto(v.Domain, v.Reason, v.Blocked || blocked.Contains(v.Domain), v.ByName,
                v.At)).ToList();
    }

    /// <summary>Puts a domain on the block list: never researched, enriched or proposed.</summary>
    public async Task<DomainVerdictDto> BlockAsync(BlockInput input, CancellationToken ct = default)
    {
        var errors = new Errors();
        var domain = DomainName.Parse(input.Domain).Domain;
        if (domain is null)
        {
            errors.Add("domain", "Not a website or domain.");
        }
        var reason = errors.Required("reason", input.Reason, Prospect.ReasonMax);
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("block domains");
        var verdict = await RememberAsync(db, domain!, reason!, ct);
        await policies.BlockDomainAsync(db, domain!, reason!, ct);
        await db.SaveChangesAsync(ct);
        policy.Invalidate();
        await db.Prospects.Where(o => o.Domain == domain && o.Review == ReviewState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Review, ReviewState.Rejected)
                .SetProperty(o => o.RejectReason, reason), ct);
        return new DomainVerdictDto(verdict.Domain, verdict.Reason, true, verdict.ByName, verdict.At);
    }

    /// <summary>
    /// Forgets a verdict: the domain may be proposed again. A blocked one also leaves the block list, which only an
    /// admin may do (as on the policy page).
    /// </summary>
    public async Task ForgetAsync(string domain, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("unblock domains");
        var key = DomainName.Parse(domain).Domain ?? domain.Trim().ToLowerInvariant();
        var listed = db.PolicyEntries.Where(e => e.Kind == PolicyKind.Domain && e.List == PolicyList.Block
            && e.Value == key);
        if (await listed.AnyAsync(ct) || await db.DomainVerdicts.AnyAsync(v => v.Domain == key && v.Blocked, ct))
        {
            await db.RequireAdminAsync();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unlisted = await listed.ExecuteDeleteAsync(ct);
        if (await db.DomainVerdicts.Where(v => v.Domain == key).ExecuteDeleteAsync(ct) + unlisted == 0)
        {
            throw new NotFoundException("Verdict on", key);
        }
        // Set-based deletes pass the save hooks: queue the brain's sweep, so what was blocked is judged again.
        await QualificationTriggers.QueueSweepAsync(db, "domain unblocked", db.Time.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        policy.Invalidate();
    }

    /// <summary>The review state asked for: pending unless given; null for all.</summary>
    public static ReviewState? State(string? text, Errors errors)
    {
        var value = (text ?? "pending").Trim().ToLowerInvariant();
        if (value == "all")
        {
            return null;
        }
        if (Enum.GetNames<ReviewState>().FirstOrDefault(n => n.Equals(value, StringComparison.OrdinalIgnoreCase))
            is { } name)
        {
            return Enum.Parse<ReviewState>(name);
        }
        errors.Add("review", "One of pending, accepted, rejected, enriched, held, all.");
        return null;
    }

    public static SiteProfile? Profile(Prospect p) => p.Profile is { Length: > 2 } json
        ? JsonSerializer.Deserialize<SiteProfile>(json, RunResearchStage.Json) : null;

    // The verdict is claimed by a conditional update first, so two reviewers (or a double click) cannot both act.
    private static async Task<Prospect> ClaimAsync(AppDbContext db, Guid id, ReviewState verdict,
        CancellationToken ct)
    {
        var won = await db.Prospects.Where(x => x.Id == id && x.Research == ResearchState.Researched
                && x.Review != ReviewState.Accepted && x.Review != ReviewState.Rejected)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Review, verdict), ct);
        var p = await db.Prospects.FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("Prospect", id);
        if (won == 1)
        {
            return p;
        }
        if (p.Research != ResearchState.Researched)
        {
            throw new ConflictException($"{p.Domain} was not researched ({p.Research}); nothing to review.");
        }
        if (p.Review is ReviewState.Accepted or ReviewState.Rejected)
        {
            throw new ConflictException($"{p.Domain} was already {p.Review.ToString().ToLowerInvariant()}.");
        }
        throw new ConflictException($"{p.Domain} changed meanwhile; look again.");
    }

    private async Task MarkAsync(AppDbContext db, Prospect p, ReviewState state, string? reason)
    {
        var actor = await db.GetActorAsync();
        (p.Review, p.RejectReason, p.ReviewedByName, p.ReviewedAt) =
            (state, reason, actor.Name, time.GetUtcNow().UtcDateTime);
    }

    private async Task<DomainVerdict> RememberAsync(AppDbContext db, string domain, string reason,
        CancellationToken ct)
    {
        var actor = await db.GetActorAsync();
        var verdict = await db.DomainVerdicts.FirstOrDefaultAsync(v => v.Domain == domain, ct);
        if (verdict is null)
        {
            verdict = new DomainVerdict { Domain = domain, Reason = reason, ByName = actor.Name };
            db.DomainVerdicts.Add(verdict);
        }
        // Blocking is the policy list's now; an older verdict's block flag is kept as it was.
        (verdict.Reason, verdict.ByName, verdict.At) = (reason, actor.Name, time.GetUtcNow().UtcDateTime);
        return verdict;
    }
}
