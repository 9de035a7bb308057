using LeadAgent.Web.Features.Qualification.Icp;

namespace LeadAgent.Web.Features.Qualification.Fit;

/// <summary>The ICP product, company judgements and fit scores: services and endpoints.</summary>
public static class FitModule
{
    public static IServiceCollection AddFit(this IServiceCollection services)
    {
        services.AddScoped<IcpService>();
        services.AddSingleton<ClassifierJudges>();
        services.AddSingleton<JudgeSource>(sp => sp.GetRequiredService<ClassifierJudges>().ForAsync);
        services.AddSingleton(sp => new CompanyQualifier(sp.GetRequiredService<JudgeSource>()));
        services.AddSingleton(sp => new ProspectQualifier(sp.GetRequiredService<JudgeSource>()));
        services.AddScoped<FitService>();
        return services;
    }

    public static IEndpointRouteBuilder MapFit(this IEndpointRouteBuilder app)
    {
        app.MapIcpEndpoints();
        app.MapFitEndpoints();
        return app;
    }
}
