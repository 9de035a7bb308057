using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Qualification.Lookalikes;

internal static class LookalikeEndpoints
{
    public static void MapLookalikeEndpoints(this IEndpointRouteBuilder app)
    {
        var companies = app.MapApiGroup("companies", "Lookalikes");
        companies.MapGet("/{id:guid}/lookalikes", (LookalikeService s, Guid id, int? k, CancellationToken ct) =>
                s.ForCompanyAsync(id, k, ct))
            .WithSummary("The clients most like a company (k, default 10), each with a similarity 0–1 and why")
            .ProducesProblem(404).ProducesProblem(400);
        companies.MapGet("/{id:guid}/potential", (LookalikeService s, Guid id, CancellationToken ct) =>
                s.PotentialAsync(id, ct))
            .WithSummary("Expected annual order value with a 25th–75th percentile range, from similar clients")
            .ProducesProblem(404);
        app.MapApiGroup("qualification", "Lookalikes").MapGet("/lookalikes", (LookalikeService s, int? limit,
                string? segment, string? country, CancellationToken ct) =>
                s.ProspectsAsync(limit, segment, country, ct))
            .WithSummary("Prospects most like the best clients (stored similarity), with the closest clients")
            .ProducesProblem(400);
    }
}
