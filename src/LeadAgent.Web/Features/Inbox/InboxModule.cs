using LeadAgent.Web.Features.Inbox.Webhooks;

namespace LeadAgent.Web.Features.Inbox;

/// <summary>The omnichannel inbox (issue 4). So far: Respond.io webhook intake, stored durably before it is acknowledged.</summary>
public static class InboxModule
{
    public static IHostApplicationBuilder AddInbox(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RespondIoOptions>().BindConfiguration(RespondIoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapRespondIoWebhook();
        return app;
    }
}
