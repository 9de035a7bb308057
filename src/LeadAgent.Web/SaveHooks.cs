using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Qualification.Work;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Web;

/// <summary>
/// What every save does besides writing the rows, in order; registered once for the app and the bench.
/// </summary>
public static class SaveHooks
{
    /// <summary>Derived values first, then the role guard, then the activity log of the final values.</summary>
    public static IReadOnlyList<ISaveHook> All { get; } =
        [new CompanyNameKeys(), new WriterGuard(), new ActivityHook(), new QualificationTriggers()];

    public static IServiceCollection AddSaveHooks(this IServiceCollection services)
    {
        foreach (var hook in All)
        {
            services.AddSingleton(hook);
        }
        return services;
    }
}
