using System.Security.Claims;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Limits;

namespace LeadAgent.Web.Features.Dashboard;

internal static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app) =>
        app.MapApiGroup("dashboard", "Dashboard")
            .MapGet("/", (DashboardService s, ClaimsPrincipal user, CancellationToken ct) =>
                s.GetAsync(user.UserId(), ct))
            .WithSummary("Leads by status, classification and source; new leads per week (Monday to Sunday in the "
                + "caller's time zone); pipeline value by status in the workspace currency; the caller's open leads, "
                + "next actions due and unanswered conversations")
            .HeavyQuery();
}
