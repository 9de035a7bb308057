using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Limits;

namespace LeadAgent.Web.Features.Search;

internal static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app) =>
        app.MapApiGroup("search", "Search")
            .MapGet("/", (GlobalSearch s, string? q, int? limit, CancellationToken ct) => s.FindAsync(q, limit, ct))
            .WithSummary("Companies, contacts, leads and conversations matching q (name, e-mail, phone, domain, "
                + "message text); limit per kind, 5 by default")
            .ProducesValidationProblem()
            .HeavyQuery();
}
