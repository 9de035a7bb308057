namespace LeadAgent.Web.Features.Inbox.Providers.Sandbox;

/// <summary>Registers the built-in sandbox as a messaging provider, and its "play the customer" service.</summary>
public static class SandboxModule
{
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.AddSingleton<IMessagingProvider, SandboxProvider>();
        services.AddScoped<SandboxService>();
        return services;
    }
}
