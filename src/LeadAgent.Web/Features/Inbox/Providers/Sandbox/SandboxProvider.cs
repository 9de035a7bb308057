using LeadAgent.Web.Features.Inbox.Conversations;

namespace LeadAgent.Web.Features.Inbox.Providers.Sandbox;

/// <summary>
/// The built-in sandbox as a provider: it reads the events <see cref="SandboxService"/> stores and "delivers" every
/// send at once. Everything before the provider call — processing, matching, the outbox — is the real path.
/// </summary>
public sealed class SandboxProvider : IMessagingProvider
{
    public const string ProviderKey = "sandbox";

    public string Key => ProviderKey;

    public string Name => "the sandbox";

    public ProviderFeatures Features => ProviderFeatures.None;

    public string? NotConnected => null;

    public bool MirrorsChanges => false;

    public InboundEvent Parse(string eventType, string body) => SandboxEvents.Parse(eventType, body);

    public Task<SendResult> SendAsync(OutboundSend send, CancellationToken ct)
    {
        var reply = send.Message.Kind is not (OutboundKind.Assign or OutboundKind.Status);
        return Task.FromResult<SendResult>(new SendResult.Sent($"sandbox-{send.MessageId:N}",
            reply ? DeliveryStatus.Delivered : DeliveryStatus.Sent));
    }

    // Nothing is ever in doubt: a send is delivered in the same step.
    public Task<IReadOnlyList<RecentMessage>> RecentMessagesAsync(string externalContactId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RecentMessage>>([]);

    public Task<IReadOnlyList<ProviderTemplate>> TemplatesAsync(string channelExternalId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ProviderTemplate>>([]);

    public IAsyncEnumerable<BackfillContact> BackfillAsync(int maxContacts, int messagesPerContact,
        CancellationToken ct) => AsyncEnumerable.Empty<BackfillContact>();

    public Task<ConnectionCheck> TestConnectionAsync(CancellationToken ct) =>
        Task.FromResult(new ConnectionCheck(true, "The sandbox needs no connection.", []));
}
