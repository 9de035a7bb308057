namespace LeadAgent.Web.Features.Rules;

/// <summary>The rules engine's services and endpoints (called from the qualification module).</summary>
public static class RulesModule
{
    public static IServiceCollection AddRules(this IServiceCollection services) =>
        services.AddSingleton<RuleEngine>().AddScoped<RuleService>().AddScoped<NotificationService>();

    public static IEndpointRouteBuilder MapRules(this IEndpointRouteBuilder app)
    {
        app.MapRuleEndpoints();
        return app;
    }
}
