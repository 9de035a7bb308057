using LeadAgent.Web.Features.Inbox.Processing;
using LeadAgent.Web.Features.Inbox.Providers;
using LeadAgent.Web.Features.Inbox.Providers.RespondIo;
using LeadAgent.Web.Features.Inbox.Providers.Sandbox;
using LeadAgent.Web.Features.Inbox.Runtime;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Features.Inbox.Settings;
using LeadAgent.Web.Features.Inbox.Templates;
using LeadAgent.Web.Features.Inbox.Webhooks;

namespace LeadAgent.Web.Features.Inbox;

/// <summary>
/// The omnichannel inbox: provider webhooks stored then processed into conversations and messages, matched to
/// contacts; replies and mirrored changes sent through a persisted outbox; templates. Messaging providers (Respond.io,
/// the sandbox) plug in behind <see cref="IMessagingProvider"/>: a provider is its folder plus one line here.
/// </summary>
public static class InboxModule
{
    public static IHostApplicationBuilder AddInbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRespondIo();
        builder.Services.AddSandbox();
        builder.Services.AddSingleton<MessagingProviders>();
        builder.Services.AddSingleton<InboxSignal>();
        builder.Services.AddSingleton<InboxNotifier>();
        builder.Services.AddSingleton<InboxMetrics>();
        builder.Services.AddSingleton<WebhookIntake>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookIntake>());
        builder.Services.AddSingleton<WebhookProcessor>();
        builder.Services.AddSingleton<OutboxProcessor>();
        builder.Services.AddHostedService<InboxWorker>();
        builder.Services.AddScoped<InboxQueries>();
        builder.Services.AddScoped<InboxCommands>();
        builder.Services.AddScoped<TemplateService>();
        builder.Services.AddScoped<ConnectionTester>();
        builder.Services.AddScoped<BackfillService>();
        builder.Services.AddScoped<SuppressionService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapRespondIoWebhook();
        app.MapInboxApi();
        return app;
    }
}
