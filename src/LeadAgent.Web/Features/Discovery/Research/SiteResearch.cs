using LeadAgent.Web.Features.Discovery.Extraction;
using LeadAgent.Web.Features.Discovery.Review;

namespace LeadAgent.Web.Features.Discovery.Research;

/// <summary>
/// What researching one site came to: its state and reason, the pages read (text kept only where the page allows
/// indexing) and the merged profile.
/// </summary>
public sealed record SiteResearch(ResearchState State, string? Outcome, Uri Url, SiteProfile? Profile,
    IReadOnlyList<PageExtract> Pages, int Requests)
{
    public static SiteResearch Failed(ResearchState state, Uri url, string reason, int requests) =>
        new(state, reason, url, null, [], requests);
}
