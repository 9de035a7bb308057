using System.Globalization;
using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Qualification.Lookalikes;

/// <summary>
/// A client like the company asked about, with why: <see cref="Similarity"/> 0–1 (see <see cref="Firmographics"/>
/// for its parts), the shared segment, the terms both use most, size and region, and what the client orders.
/// </summary>
public sealed record LookalikeMatch(
    Guid CompanyId,
    string Name,
    double Similarity,
    double TextSimilarity,
    Segment Segment,
    bool SameSegment,
    SizeBand Size,
    bool SameSize,
    string? Country,
    RegionMatch Region,
    IReadOnlyList<string> SharedTerms,
    IReadOnlyList<string> OrderCategories,
    decimal AnnualValue,
    int Orders)
{
    /// <summary>One line: "same segment (EventAgency) · both: messebau, incentive · same country (DE)".</summary>
    public string Why
    {
        get
        {
            var parts = new List<string>();
            if (SameSegment)
            {
                parts.Add($"same segment ({Segment})");
            }
            if (SharedTerms.Count > 0)
            {
                parts.Add("both: " + string.Join(", ", SharedTerms));
            }
            if (SameSize)
            {
                parts.Add($"same size ({Size})");
            }
            if (Region == RegionMatch.SameCountry)
            {
                parts.Add($"same country ({Country})");
            }
            else if (Region == RegionMatch.SameRegion)
            {
                parts.Add($"same region ({Firmographics.RegionOf(Country)})");
            }
            if (OrderCategories.Count > 0)
            {
                parts.Add("orders " + string.Join(", ", OrderCategories));
            }
            return parts.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"similarity {Similarity:P0}")
                : string.Join(" · ", parts);
        }
    }
}
