namespace LeadAgent.Web.Features.Planner;

/// <summary>The planner's services and endpoints (called from the qualification module).</summary>
public static class PlannerModule
{
    public static IHostApplicationBuilder AddPlanner(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PlannerOptions>().BindConfiguration("Planner")
            .Validate(o => o.FollowUpAfterDays is >= 1 and <= 365, "Planner:FollowUpAfterDays must be 1–365.")
            .Validate(o => o.ReorderAheadDays is >= 0 and <= 90, "Planner:ReorderAheadDays must be 0–90.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PlannerService>();
        builder.Services.AddScoped<TaskService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPlannerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapTaskEndpoints();
        return app;
    }
}
