using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Lookalikes;

namespace LeadAgent.Web.Features.Qualification.Potential;

/// <summary>One similar client the potential came from: its annual value and the size factor applied to it.</summary>
public sealed record PotentialClient(Guid CompanyId, string Name, double Similarity, SizeBand Size,
    decimal AnnualValue, double SizeFactor, decimal Scaled);

/// <summary>
/// An expected annual order value with its range, in <see cref="Currency"/>; without values, <see cref="Reason"/>
/// says why.
/// </summary>
public sealed record PotentialEstimate(decimal? Expected, decimal? Low, decimal? High, string Currency,
    SizeBand Size, IReadOnlyList<PotentialClient> Basis, string? Reason)
{
    public bool Known => Expected is not null;
}

/// <summary>
/// Order potential from the <see cref="ClientsUsed"/> most similar clients with an annual value in the workspace
/// currency (<see cref="ClientHistory"/>): each client's annual value is scaled by the size factor, then
/// expected = the similarity-weighted mean of the scaled values, low–high = their 25th–75th percentiles.
/// </summary>
/// <remarks>
/// Size factor = √(employees of the company's size band ÷ the client's), between 0.25 and 4, using each band's
/// typical head count (<see cref="TypicalEmployees"/>); 1 when either size is unknown. The square root because
/// spending on promotional goods grows with size, but slower than head count: a company ten times the size of a
/// client is expected to order about three times as much.
/// </remarks>
public static class OrderPotential
{
    public const int ClientsUsed = 5;
    public const double FactorMin = 0.25, FactorMax = 4;

    public static int TypicalEmployees(SizeBand band) => band switch
    {
        SizeBand.Micro => 5,
        SizeBand.Small => 30,
        SizeBand.Medium => 150,
        SizeBand.Large => 600,
        SizeBand.Enterprise => 3000,
        _ => 0,
    };

    public static double SizeFactor(SizeBand company, SizeBand client) =>
        company == SizeBand.Unknown || client == SizeBand.Unknown ? 1
        : Math.Round(Math.Clamp(Math.Sqrt((double)TypicalEmployees(company) / TypicalEmployees(client)),
            FactorMin, FactorMax), 3);

    /// <summary>
    /// The estimate for a company of <paramref name="size"/> from similar clients (only those with an annual value
    /// count; the first <see cref="ClientsUsed"/> of them in the given order).
    /// </summary>
    public static PotentialEstimate Estimate(SizeBand size, IReadOnlyList<LookalikeMatch> similar, string currency,
        int clientCount)
    {
        var basis = similar.Where(m => m.AnnualValue > 0).Take(ClientsUsed).Select(m =>
        {
            var factor = SizeFactor(size, m.Size);
            return new PotentialClient(m.CompanyId, m.Name, m.Similarity, m.Size, m.AnnualValue, factor,
                Math.Round(m.AnnualValue * (decimal)factor, 0));
        }).ToList();
        if (basis.Count == 0)
        {
            var reason = clientCount == 0
                ? "No clients with orders yet: potential comes from similar clients' orders."
                : $"No similar client has orders in {currency} in the last {ClientHistory.WindowMonths} months.";
            return new PotentialEstimate(null, null, null, currency, size, [], reason);
        }
        var weights = basis.Sum(b => Math.Max(b.Similarity, 0.01));
        var expected = basis.Sum(b => b.Scaled * (decimal)Math.Max(b.Similarity, 0.01)) / (decimal)weights;
        var sorted = basis.Select(b => b.Scaled).Order().ToList();
        return new PotentialEstimate(Math.Round(expected, 0), Percentile(sorted, 0.25), Percentile(sorted, 0.75),
            currency, size, basis, null);
    }

    /// <summary>Linear interpolation between the closest ranks of sorted values.</summary>
    public static decimal Percentile(IReadOnlyList<decimal> sorted, double p)
    {
        var rank = p * (sorted.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return Math.Round(sorted[lo] + ((sorted[hi] - sorted[lo]) * (decimal)(rank - lo)), 0);
    }
}
