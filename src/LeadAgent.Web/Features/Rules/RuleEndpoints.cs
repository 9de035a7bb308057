using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Limits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadAgent.Web.Features.Rules;

public sealed record RuleEnabledInput(bool? Enabled, long? Version);

internal static class RuleEndpoints
{
    public static void MapRuleEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("rules", "Rules");
        g.MapGet("/", (RuleService s, CancellationToken ct) => s.ListAsync(ct));
        g.MapGet("/{id:guid}", (RuleService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .ProducesProblem(404);
        g.MapPost("/", async Task<Created<RuleDto>> (RuleService s, RuleInput input, CancellationToken ct) =>
        {
            var rule = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/rules/{rule.Id}", rule);
        }).Admin();
        g.MapPut("/{id:guid}", (RuleService s, Guid id, RuleInput input, CancellationToken ct) =>
            s.UpdateAsync(id, input, ct)).Admin();
        g.MapPost("/{id:guid}/enabled", (RuleService s, Guid id, RuleEnabledInput input, CancellationToken ct) =>
                s.SetEnabledAsync(id, input.Enabled ?? throw Required("enabled"),
                    input.Version ?? throw Required("version"), ct))
            .WithSummary("Switch the rule on or off (send the version read)").Admin();
        g.MapDelete("/{id:guid}", async Task<NoContent> (RuleService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).Admin();
        g.MapPost("/simulate", (RuleService s, RuleInput input, Guid? ruleId, CancellationToken ct) =>
                s.SimulateAsync(input, ruleId, ct))
            .WithSummary("What a draft would do to the open leads (count and a sample of 20); writes nothing")
            .ProducesValidationProblem().HeavyQuery();
        g.MapPost("/{id:guid}/run", (RuleService s, Guid id, CancellationToken ct) => s.RunAsync(id, ct))
            .WithSummary("Apply the rule to all its matching leads now").Admin();
        g.MapGet("/{id:guid}/log", (RuleService s, Guid id, int? limit, string? cursor, CancellationToken ct) =>
                s.LogAsync(id, limit, cursor, ct))
            .WithSummary("The activity entries the rule made, newest first").ProducesProblem(404);

        var n = app.MapApiGroup("notifications", "Notifications");
        n.MapGet("/", (NotificationService s, bool? unread, int? limit, CancellationToken ct) =>
                s.ListAsync(unread == true, limit, ct))
            .WithSummary("The signed-in user's notifications, newest first, with the unread count");
        n.MapPost("/{id:guid}/read", async Task<NoContent> (NotificationService s, Guid id, CancellationToken ct) =>
        {
            await s.MarkReadAsync(id, ct);
            return TypedResults.NoContent();
        }).ProducesProblem(404);
        n.MapPost("/read", async (NotificationService s, CancellationToken ct) =>
            new NotificationsRead(await s.MarkAllReadAsync(ct))).WithSummary("Mark all of them read");
    }

    private static RouteHandlerBuilder Admin(this RouteHandlerBuilder b) =>
        b.RequireAuthorization(Policies.Admin).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

    private static ValidationFailedException Required(string field) =>
        new(new Dictionary<string, string[]> { [field] = ["Required."] });
}
