using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Web.Features.Qualification.Icp;

internal static class IcpEndpoints
{
    public static void MapIcpEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("qualification/icp", "Qualification");
        g.MapGet("/", (IcpService s, CancellationToken ct) => s.CurrentAsync(ct))
            .WithSummary("The ICP in force, with its version number, author and date");
        g.MapPut("/", (IcpService s, IcpSaveInput input, CancellationToken ct) => s.SaveAsync(input, ct))
            .WithSummary("Save the ICP as a new version (admins; body: icp and a note)")
            .RequireAuthorization(Policies.Admin).ProducesValidationProblem().ProducesProblem(409);
        g.MapGet("/versions", (IcpService s, CancellationToken ct) => s.VersionsAsync(ct))
            .WithSummary("Every saved ICP version, newest first, then the built-in default (0)");
        g.MapGet("/versions/{number}", (IcpService s, int number, CancellationToken ct) =>
            s.GetAsync(number, ct)).ProducesProblem(404);
    }
}
