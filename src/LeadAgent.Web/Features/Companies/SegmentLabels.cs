namespace LeadAgent.Web.Features.Companies;

/// <summary>A segment as people read it ("Event agency"); nothing for <see cref="Segment.Unknown"/>.</summary>
public static class SegmentLabels
{
    public static string? Of(Segment segment) => segment switch
    {
        Segment.EventAgency => "Event agency",
        Segment.CorporateClient => "Corporate client",
        Segment.BrandOwner => "Brand owner",
        Segment.Reseller => "Reseller",
        Segment.NotAFit => "Not a fit",
        _ => null,
    };
}
