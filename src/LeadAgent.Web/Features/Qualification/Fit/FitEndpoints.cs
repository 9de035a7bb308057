using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Qualification.Fit;

internal static class FitEndpoints
{
    public static void MapFitEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("companies", "Companies");
        g.MapGet("/{id:guid}/fit", (FitService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .WithSummary("The company's segment (confidence, method, evidence) and fit score with its factors")
            .ProducesProblem(404);
        g.MapPost("/{id:guid}/fit/refresh", (FitService s, Guid id, CancellationToken ct) =>
                s.RefreshAsync(id, ct))
            .WithSummary("Judge the company again now").Writes();
    }
}
