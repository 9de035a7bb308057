using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Qualification;

/// <summary>What decided a company's segment: rules over the ICP, the workspace's trained model, or a person.</summary>
public enum FitMethod { Rules, Model, Person }

/// <summary>
/// The brain's judgement of one company: its segment with confidence and evidence, the 0–100 fit score with its
/// factors, and the expected annual order value. Recomputed when the company's signals change; the ICP version that
/// made it is kept.
/// </summary>
public sealed class CompanyFit
{
    public const int EvidenceMax = 8000, FactorsMax = 4000, HashLength = 32;

    public Guid CompanyId { get; set; }
    public Segment Segment { get; set; }
    /// <summary>0–1.</summary>
    public double Confidence { get; set; }
    public FitMethod Method { get; set; }
    /// <summary>JSON: the signals and terms that decided the segment.</summary>
    public string Evidence { get; set; } = "[]";
    /// <summary>0–100: ICP fit and segment confidence.</summary>
    public int FitScore { get; set; }
    /// <summary>JSON: the fit score's named factors and their points.</summary>
    public string FitFactors { get; set; } = "[]";
    public int IcpVersion { get; set; }
    /// <summary>Hash of the signals it was computed from, so unchanged signals are not classified again.</summary>
    public string SignalsHash { get; set; } = "";

    /// <summary>
    /// 0–1: mean similarity to the best clients most like this company (see <c>Lookalikes/SimilarityIndex</c>); null
    /// until computed or when there are no best clients.
    /// </summary>
    public double? ClientSimilarity { get; set; }

    /// <summary>Expected annual order value and range, in <see cref="PotentialCurrency"/>; null when unknown.</summary>
    public decimal? PotentialExpected { get; set; }
    public decimal? PotentialLow { get; set; }
    public decimal? PotentialHigh { get; set; }
    public string? PotentialCurrency { get; set; }
    /// <summary>JSON: the similar clients and size factor the potential came from.</summary>
    public string PotentialBasis { get; set; } = "[]";

    public DateTime ComputedAt { get; set; }
}
