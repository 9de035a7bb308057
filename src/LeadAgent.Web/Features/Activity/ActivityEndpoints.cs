using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Limits;

namespace LeadAgent.Web.Features.Activity;

internal static class ActivityEndpoints
{
    public static void MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapApiGroup("audit", "Audit log")
            .MapGet("/", (ActivityService s, [AsParameters] ActivityQuery q, CancellationToken ct) =>
                s.ListAsync(q, ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("The global, append-only audit log (admins only), newest first")
            .HeavyQuery();
    }
}
