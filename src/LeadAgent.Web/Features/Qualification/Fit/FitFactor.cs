namespace LeadAgent.Web.Features.Qualification.Fit;

/// <summary>One named part of a fit score: the points it gave of its most, and why in words.</summary>
public sealed record FitFactor(string Name, int Points, int Max, string Detail);

/// <summary>A 0–100 fit score and the factors it is made of.</summary>
public sealed record FitResult(int Score, IReadOnlyList<FitFactor> Factors);
