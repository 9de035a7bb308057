using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Qualification.Fit;

/// <summary>
/// A company's segment as the fit score and <see cref="CompanyFit"/> take it: the segment (or not a fit, or unknown),
/// how sure, what decided it (rules, model or a person) and the evidence in words.
/// </summary>
public sealed record Judgement(Segment Segment, double Confidence, FitMethod Method, IReadOnlyList<string> Evidence)
{
    /// <summary>A person's choice: certain, and said so.</summary>
    public static Judgement ByPerson(Segment segment) => new(segment, 1, FitMethod.Person, ["set by a person"]);
}
