using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification.Versions;

namespace LeadAgent.Web.Features.Qualification.Scoring;

/// <summary>Weights as the API shows them: the version (0 = built-in default), the values, who saved them.</summary>
public sealed record WeightsDto(int Version, ScoreWeights Weights, string? AuthorName, DateTime? SavedAt)
{
    public static WeightsDto From(Versioned<ScoreWeights> v) => new(v.Number, v.Value, v.AuthorName, v.SavedAt);
}

/// <summary>A PUT of new weights: the values and a note on why.</summary>
public sealed record WeightsInput(ScoreWeights? Weights, string? Note);

/// <summary>The saved version, and how many leads the background worker now rescores with it.</summary>
public sealed record WeightsSaved(int Version, int LeadsToRescore);

/// <summary>
/// What new weights would do to the open leads, without saving: the band moves (<see cref="Matrix"/>[from][to], in the
/// order of <see cref="Bands"/>), and the score distribution before and after in ten buckets (0–9, …, 90–100).
/// </summary>
public sealed record WeightsPreview(int Leads, int ChangedBand, int ChangedScore, IReadOnlyList<Classification> Bands,
    int[][] Matrix, int[] Before, int[] After);

/// <summary>A lead's score: as stored, as the current weights make it now (with factors), and its history.</summary>
public sealed record LeadScoreView(Guid LeadId, int? Score, Classification? Band, LeadScore Current,
    int CurrentWeightsVersion, ScoreMadeBy? MadeBy, IReadOnlyList<ScorePoint> History);

/// <summary>The versions and time of the stored score's last change.</summary>
public sealed record ScoreMadeBy(DateTime At, int WeightsVersion, int? IcpVersion);

/// <summary>One change of a lead's score.</summary>
public sealed record ScorePoint(DateTime At, int Score, Classification Band, int WeightsVersion, int? IcpVersion);
