using LeadAgent.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadAgent.Web.Features.Policy;

internal static class PolicyEndpoints
{
    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("policy", "Policy");
        g.MapGet("/", (PolicyService s, [AsParameters] PolicyQuery q, CancellationToken ct) => s.ListAsync(q, ct))
            .WithSummary("The allow and block lists (list=block|allow, kind=domain|…, q=text)")
            .ProducesValidationProblem();
        g.MapPost("/", async Task<Created<PolicyEntryDto>> (PolicyService s, PolicyInput input, CancellationToken ct) =>
        {
            var entry = await s.AddAsync(input, ct);
            return TypedResults.Created($"/api/v1/policy/{entry.Id}", entry);
        }).WithSummary("Add an entry: sales and admins block, only admins allow; 409 when it exists").Writes();
        g.MapDelete("/{id:guid}", async Task<NoContent> (PolicyService s, Guid id, CancellationToken ct) =>
        {
            await s.RemoveAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Remove an entry (admins only)").Writes();
        g.MapPost("/check", (PolicyService s, PolicyCheckInput input, CancellationToken ct) => s.CheckAsync(input, ct))
            .WithSummary("Whether a subject (domain, company, contact, e-mail, phone, text) is blocked, and why");
        return app;
    }
}
