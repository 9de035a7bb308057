using LeadAgent.Web.Features.Planner;
using LeadAgent.Web.Features.Policy;

namespace LeadAgent.Web.Features.Qualification;

/// <summary>The qualification brain: ICP and policy, segments, scores, lookalikes, rules and the planner.</summary>
public static class QualificationModule
{
    public static IHostApplicationBuilder AddQualification(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PolicyCheck>();
        services.AddScoped<PolicyService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapQualificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPolicyEndpoints();
        return app;
    }
}
