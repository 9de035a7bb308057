using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Limits;

namespace LeadAgent.Web.Features.Qualification.Scoring;

internal static class ScoringEndpoints
{
    public static void MapScoringEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("qualification/weights", "Qualification");
        g.MapGet("/", (ScoringService s, CancellationToken ct) => s.CurrentAsync(ct))
            .WithSummary("The score weights in force (version 0 is the built-in default)");
        g.MapPut("/", (ScoringService s, WeightsInput input, CancellationToken ct) => s.SaveAsync(input, ct))
            .WithSummary("Save new weights as the next version (with a note) and rescore every lead")
            .RequireAuthorization(Policies.Admin).ProducesValidationProblem().ProducesProblem(409).HeavyQuery();
        g.MapGet("/versions", (ScoringService s, CancellationToken ct) => s.VersionsAsync(ct))
            .WithSummary("Every saved version of the weights, newest first");
        g.MapGet("/versions/{number:int}", (ScoringService s, int number, CancellationToken ct) =>
            s.VersionAsync(number, ct)).ProducesProblem(404);
        g.MapPost("/preview", (ScoringService s, ScoreWeights weights, CancellationToken ct) =>
                s.PreviewAsync(weights, ct))
            .WithSummary("How many open leads the weights would move between bands, and the scores before and after")
            .RequireAuthorization(Policies.Admin).ProducesValidationProblem().HeavyQuery();

        var leads = app.MapApiGroup("leads", "Leads");
        leads.MapGet("/{id:guid}/score", (ScoringService s, Guid id, CancellationToken ct) =>
                s.LeadScoreAsync(id, ct))
            .WithSummary("A lead's score, its factors under the current weights, and its history").ProducesProblem(404);
    }
}
