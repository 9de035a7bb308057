using System.Globalization;
using LeadAgent.Web.Features.Export;

namespace LeadAgent.Web.Features.Discovery.Review;

/// <summary>The review queue as CSV: each candidate's domain, extracted fields, source and status.</summary>
public static class ProspectExport
{
    public static readonly IReadOnlyList<Column<Prospect>> Columns =
    [
        new("Domain", p => p.Domain), new("Website", p => p.Url), new("Name", p => p.Name),
        new("Legal name", p => p.LegalName), new("VAT id", p => p.VatId), new("Register", p => p.Register),
        new("Phone", p => p.Phone), new("Email", p => p.Email), new("City", p => p.City),
        new("Country", p => p.Country), new("Segment", p => p.Segment),
        new("Segment confidence", p => p.SegmentConfidence?.ToString("0.00", CultureInfo.InvariantCulture)),
        new("Fit score", p => p.FitScore?.ToString(CultureInfo.InvariantCulture)), new("Found by", p => p.FoundBy),
        new("Found via", p => p.FoundVia), new("Research", p => p.Research.ToString()),
        new("Outcome", p => p.Outcome), new("Review", p => p.Review.ToString()),
        new("Reject reason", p => p.RejectReason), new("Matched company id", p => p.CompanyId?.ToString()),
        new("Found at", p => CsvExport.Time(p.CreatedAt)),
    ];
}
