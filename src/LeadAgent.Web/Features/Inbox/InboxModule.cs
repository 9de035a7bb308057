using LeadAgent.Web.Features.Inbox.Processing;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Features.Inbox.Settings;
using LeadAgent.Web.Features.Inbox.Templates;
using LeadAgent.Web.Features.Inbox.Webhooks;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Inbox;

/// <summary>
/// The omnichannel inbox: Respond.io webhooks stored then processed into conversations and messages, matched to
/// contacts; replies and mirrored changes sent through a persisted outbox; templates; a sandbox channel.
/// </summary>
public static class InboxModule
{
    public static IHostApplicationBuilder AddInbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RespondIoOptions>().BindConfiguration(RespondIoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RespondIoConnection>();
        builder.Services.AddSingleton<InboxSignal>();
        builder.Services.AddSingleton<InboxNotifier>();
        builder.Services.AddSingleton<WebhookIntake>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookIntake>());
        builder.Services.AddSingleton<WebhookProcessor>();
        builder.Services.AddSingleton<OutboxProcessor>();
        builder.Services.AddHostedService<InboxWorker>();
        builder.Services.AddScoped<InboxQueries>();
        builder.Services.AddScoped<InboxCommands>();
        builder.Services.AddScoped<TemplateService>();
        builder.Services.AddScoped<SandboxService>();
        builder.Services.AddScoped<ConnectionTester>();
        builder.Services.AddScoped<BackfillService>();
        builder.Services.AddScoped<SuppressionService>();
        // No retry handler on purpose: a retried POST could send a message twice; the outbox retries with reconciliation.
        builder.Services.AddHttpClient(RespondIoClient.HttpClientName, (sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<InboxOptions>>().Value.HttpTimeoutSeconds));
        return builder;
    }

    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapRespondIoWebhook();
        app.MapInboxApi();
        return app;
    }
}
