using LeadAgent.Web.Features.Planner;
using LeadAgent.Web.Features.Policy;
using LeadAgent.Web.Features.Qualification.Fit;
using LeadAgent.Web.Features.Qualification.Lookalikes;
using LeadAgent.Web.Features.Qualification.Work;
using LeadAgent.Web.Features.Rules;

namespace LeadAgent.Web.Features.Qualification;

/// <summary>The qualification brain: ICP and policy, segments, scores, lookalikes, rules and the planner.</summary>
public static class QualificationModule
{
    public static IHostApplicationBuilder AddQualification(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PolicyCheck>();
        services.AddOptions<QualificationOptions>().BindConfiguration(QualificationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<QualificationSignal>();
        services.AddSingleton<QualificationMetrics>();
        services.AddScoped<QualificationPipeline>();
        services.AddSingleton<QualificationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<QualificationWorker>());
        services.AddFit();
        services.AddScoped<Scoring.ScoringService>();
        services.AddSingleton<LookalikeIndex>().AddSingleton<CompanyLookalikes>().AddScoped<LookalikeService>();
        services.AddRules();
        builder.AddPlanner();
        services.AddScoped<PolicyService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapQualificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapFit();
        Scoring.ScoringEndpoints.MapScoringEndpoints(app);
        app.MapLookalikeEndpoints();
        app.MapRules();
        app.MapPlannerEndpoints();
        app.MapPolicyEndpoints();
        return app;
    }
}
