using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Qualification.Icp;
using LeadAgent.Web.Features.Qualification.Signals;
using LeadAgent.Web.Features.Qualification.Versions;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Qualification.Fit;

/// <summary>The ICP product, company judgements and fit scores: services and endpoints.</summary>
public static class FitModule
{
    public static IServiceCollection AddFit(this IServiceCollection services)
    {
        services.AddScoped<IcpService>();
        services.AddSingleton<ClassifierJudges>();
        services.AddSingleton<JudgeSource>(sp => sp.GetRequiredService<ClassifierJudges>().ForAsync);
        // The judge is the segment classifier's (registered with it as a JudgeSource). Until one is registered,
        // discovery records sites without a judgement and judging a company without a person's label is refused.
        services.AddSingleton(sp => new CompanyQualifier(sp.GetService<JudgeSource>() ?? NoClassifier));
        services.AddSingleton(sp => new ProspectQualifier(sp.GetService<JudgeSource>()));
        services.AddScoped<FitService>();
        return services;
    }

    private static ValueTask<Func<CompanySignals, Judgement>> NoClassifier(AppDbContext db, Versioned<IcpSet> icp,
        CancellationToken ct) =>
        throw new ConflictException("No segment classifier is registered, so companies cannot be judged yet.");

    public static IEndpointRouteBuilder MapFit(this IEndpointRouteBuilder app)
    {
        app.MapIcpEndpoints();
        app.MapFitEndpoints();
        return app;
    }
}
