using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Potential;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Lookalikes;

/// <summary>The clients most like a company, and why.</summary>
public sealed record LookalikeResult(Guid CompanyId, string Name, int Clients,
    IReadOnlyList<LookalikeMatch> Matches, string? Reason);

/// <summary>A prospect ranked by its similarity to the best clients, with the closest of them.</summary>
public sealed record ProspectLookalike(Guid CompanyId, string Name, Segment Segment, string? Country,
    SizeBand Size, double ClientSimilarity, decimal? PotentialExpected, string? PotentialCurrency, string Why,
    IReadOnlyList<ClientRef> LikeClients);

public sealed record ClientRef(Guid CompanyId, string Name, double Similarity);

/// <summary>
/// Lookalikes and order potential read from this instance's <see cref="LookalikeIndex"/>; the ranked prospects view
/// reads the similarity stored on CompanyFits (<see cref="CompanyLookalikes"/>) and explains each row live.
/// </summary>
public sealed class LookalikeService(IDbContextFactory<AppDbContext> dbFactory, LookalikeIndex index)
{
    public const int MaxK = 50, DefaultLimit = 50, MaxLimit = 200, ClientsShown = 3;

    public async Task<LookalikeResult> ForCompanyAsync(Guid companyId, int? k = null, CancellationToken ct = default)
    {
        var errors = new Errors();
        if (k is < 1 or > MaxK)
        {
            errors.Add("k", $"Must be between 1 and {MaxK}.");
        }
        errors.ThrowIfAny();
        var company = await HeldAsync(companyId, ct);
        var (matches, clients) = await index.ReadAsync(i => (i.Nearest(companyId, k ?? 10), i.ClientCount), ct);
        var reason = company.ArchivedAt is not null ? "The company is archived."
            : clients == 0 ? "No clients with orders yet."
            : null;
        return new LookalikeResult(companyId, company.Name, clients, matches, reason);
    }

    /// <summary>The expected annual order value from the most similar clients (computed now).</summary>
    public async Task<PotentialEstimate> PotentialAsync(Guid companyId, CancellationToken ct = default)
    {
        var company = await HeldAsync(companyId, ct);
        var (matches, clients) = await index.ReadAsync(i =>
            (i.Nearest(companyId, OrderPotential.ClientsUsed, ClientKind.Valued), i.ClientCount), ct);
        if (company.ArchivedAt is not null)
        {
            return new PotentialEstimate(null, null, null, index.Currency, company.SizeBand, [],
                "The company is archived.");
        }
        return OrderPotential.Estimate(company.SizeBand, matches, index.Currency, clients);
    }

    /// <summary>Prospects (no orders, not archived, not "not a fit") most like the best clients.</summary>
    public async Task<List<ProspectLookalike>> ProspectsAsync(int? limit, string? segment, string? country,
        CancellationToken ct = default)
    {
        var errors = new Errors();
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", $"Must be between 1 and {MaxLimit}.");
        }
        Segment? seg = null;
        if (!string.IsNullOrWhiteSpace(segment))
        {
            if (Enum.TryParse<Segment>(segment, true, out var s) && Enum.IsDefined(s) && !int.TryParse(segment, out _))
            {
                seg = s;
            }
            else
            {
                errors.Add("segment", $"'{segment}' is not one of: {string.Join(", ", Enum.GetNames<Segment>())}.");
            }
        }
        var cc = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();
        if (cc is { Length: not 2 })
        {
            errors.Add("country", "Must be a two-letter ISO country code.");
        }
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // By the effective segment: a person's, else the agent's (the fit exists for every row here).
        var prospects = db.Companies.AsNoTracking().Where(c => c.OrderCount == 0 && c.ArchivedAt == null
            && c.Fit != null && c.Fit.ClientSimilarity != null
            && (c.Segment != Segment.Unknown ? c.Segment : c.Fit.Segment) != Segment.NotAFit);
        if (seg is { } sv)
        {
            prospects = prospects.Where(c => (c.Segment != Segment.Unknown ? c.Segment : c.Fit!.Segment) == sv);
        }
        if (cc is not null)
        {
            prospects = prospects.Where(c => c.Country == cc);
        }
        var rows = await prospects.OrderByDescending(c => c.Fit!.ClientSimilarity).ThenBy(c => c.Id)
            .Take(limit ?? DefaultLimit)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.Segment,
                c.Country,
                c.SizeBand,
                Similarity = c.Fit!.ClientSimilarity!.Value,
                c.Fit.PotentialExpected,
                c.Fit.PotentialCurrency,
            }).ToListAsync(ct);
        var nearest = await index.ReadAsync(i => rows.ToDictionary(r => r.Id,
            r => i.Nearest(r.Id, ClientsShown, ClientKind.Best)), ct);
        return [.. rows.Select(r => new ProspectLookalike(r.Id, r.Name, r.Segment, r.Country, r.SizeBand,
            r.Similarity, r.PotentialExpected, r.PotentialCurrency,
            nearest[r.Id].FirstOrDefault()?.Why ?? "",
            [.. nearest[r.Id].Select(m => new ClientRef(m.CompanyId, m.Name, m.Similarity))]))];
    }

    // The company, made sure to be in the index when it is not archived (it may be newer than the last check).
    private async Task<Company> HeldAsync(Guid companyId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var company = await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == companyId, ct)
            ?? throw new NotFoundException("Company", companyId);
        if (company.ArchivedAt is null && !await index.ReadAsync(i => i.Contains(companyId), ct))
        {
            await index.RefreshAsync(db, [companyId], ct);
        }
        return company;
    }
}
