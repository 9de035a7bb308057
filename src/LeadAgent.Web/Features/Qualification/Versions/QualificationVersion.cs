namespace LeadAgent.Web.Features.Qualification.Versions;

/// <summary>The versioned settings of the brain.</summary>
public enum VersionKind { Icp, Weights }

/// <summary>
/// One saved version of the ICP or of the score weights: the whole setting as JSON, who saved it and when. The highest
/// number of a kind is in force; number 0 is the built-in default (never stored). Scores name the version that made
/// them.
/// </summary>
public sealed class QualificationVersion
{
    public const int NoteMax = 500, JsonMax = 200_000;

    public Guid Id { get; set; } = Data.Ids.NewV7();
    public VersionKind Kind { get; set; }
    public int Number { get; set; }
    public required string Json { get; set; }
    public string? Note { get; set; }
    public required string AuthorName { get; set; }
    public string? AuthorId { get; set; }
    public DateTime CreatedAt { get; set; }
}
