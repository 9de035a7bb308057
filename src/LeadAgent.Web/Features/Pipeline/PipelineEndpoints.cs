using System.Security.Claims;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Limits;

namespace LeadAgent.Web.Features.Pipeline;

internal static class PipelineEndpoints
{
    public static IEndpointRouteBuilder MapPipelineEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("pipeline", "Pipeline");
        g.MapGet("/", (PipelineService s, ClaimsPrincipal user, [AsParameters] PipelineQuery q,
            CancellationToken ct) =>
        {
            var errors = new Errors();
            var filter = q.ToListQuery().ToFilter(errors);
            errors.ThrowIfAny();
            return s.GetAsync(filter, user.UserId(), ct);
        }).WithSummary("Leads by status: counts, totals in the workspace currency and the first cards per column")
            .ProducesValidationProblem().HeavyQuery();
        g.MapPost("/move", (PipelineService s, PipelineMove move, CancellationToken ct) => s.MoveAsync(move, ct))
            .WithSummary("Move a lead to a status (an ordinary lead update; 409 when it changed since it was read)")
            .Writes();
        return app;
    }
}
