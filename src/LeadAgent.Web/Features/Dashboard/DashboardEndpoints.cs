using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Limits;

namespace LeadAgent.Web.Features.Dashboard;

internal static class DashboardEndpoints
{
    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app) =>
        app.MapApiGroup("dashboard", "Dashboard")
            .MapGet("/", (DashboardService s, CancellationToken ct) => s.GetAsync(ct))
            .WithSummary("Leads by status, classification and source; new leads per week; pipeline value by status")
            .HeavyQuery();
}
