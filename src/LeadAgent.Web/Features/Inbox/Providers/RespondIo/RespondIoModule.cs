using LeadAgent.Web.Features.Inbox.Runtime;
using LeadAgent.Web.Infrastructure.Net;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>Registers Respond.io as a messaging provider: its options, connection, HTTP client and webhook.</summary>
public static class RespondIoModule
{
    public static IServiceCollection AddRespondIo(this IServiceCollection services)
    {
        services.AddOptions<RespondIoOptions>().BindConfiguration(RespondIoOptions.Section).ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RespondIoConnection>();
        services.AddHostedService<RespondIoSettingsRefresh>();
        services.AddSingleton<IMessagingProvider, RespondIoProvider>();
        // No retry handler on purpose: a retried POST could send a message twice; the outbox retries with
        // reconciliation.
        // The base URL is admin-configured: every connection goes through the private-network guard.
        services.AddPrivateNetworkGuard();
        services.AddHttpClient(RespondIoClient.HttpClientName, (sp, client) => client.Timeout =
            TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<InboxOptions>>().Value.HttpTimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<PrivateNetworkGuard>().CreateHandler());
        return services;
    }
}
