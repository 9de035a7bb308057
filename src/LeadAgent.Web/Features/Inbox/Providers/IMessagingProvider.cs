namespace LeadAgent.Web.Features.Inbox.Providers;

/// <summary>What a provider can do beyond receiving and sending.</summary>
[Flags]
public enum ProviderFeatures
{
    None = 0,
    /// <summary>Fetches WhatsApp templates per channel.</summary>
    Templates = 1,
    /// <summary>Lists the workspace's history to bring it in.</summary>
    Backfill = 2,
    /// <summary>Can be tested from the settings page (lists its channels).</summary>
    ConnectionTest = 4,
}

/// <summary>
/// The one seam between the inbox and a messaging provider (Respond.io, the built-in sandbox…). The inbox core speaks
/// its own model (<see cref="InboundEvent"/>, <see cref="OutboundMessage"/>, <see cref="SendResult"/>); every byte
/// of a provider's wire format stays behind this interface, in the provider's folder. A provider is chosen by the key
/// stored on its channels and webhook events (<see cref="Key"/>); see <see cref="MessagingProviders"/>.
/// </summary>
public interface IMessagingProvider
{
    /// <summary>Stored in <c>Channel.Provider</c> and <c>WebhookEvent.Provider</c>; never changes.</summary>
    string Key { get; }

    /// <summary>How people know it ("Respond.io"), for timeline texts.</summary>
    string Name { get; }

    ProviderFeatures Features { get; }

    /// <summary>Why it cannot be called now (e.g. "Respond.io is not connected"); null when it can.</summary>
    string? NotConnected { get; }

    /// <summary>Whether assignment and open/close made in the inbox are mirrored to the provider (through the
    /// outbox).</summary>
    bool MirrorsChanges { get; }

    /// <summary>Reads one stored webhook body; throws <see cref="FormatException"/> or JSON errors when it
    /// cannot.</summary>
    InboundEvent Parse(string eventType, string body);

    /// <summary>Sends one outbound message or mirrored change. Never retries by itself (a retried send could go
    /// twice).</summary>
    Task<SendResult> SendAsync(OutboundSend send, CancellationToken ct);

    /// <summary>
    /// The contact's most recent messages at the provider, to find a send whose outcome was unknown. Throws
    /// <see cref="HttpRequestException"/> when it cannot tell (the caller tries again rather than send twice).
    /// </summary>
    Task<IReadOnlyList<RecentMessage>> RecentMessagesAsync(string externalContactId, CancellationToken ct);

    /// <summary>The channel's WhatsApp templates (<see cref="ProviderFeatures.Templates"/>).</summary>
    Task<IReadOnlyList<ProviderTemplate>> TemplatesAsync(string channelExternalId, CancellationToken ct);

    /// <summary>
    /// The workspace's recent history, one contact at a time, as events in the provider's webhook format
    /// (<see cref="ProviderFeatures.Backfill"/>); stored and processed like live webhooks.
    /// </summary>
    IAsyncEnumerable<BackfillContact> BackfillAsync(int maxContacts, int messagesPerContact, CancellationToken ct);

    /// <summary>Calls the provider with the saved credentials and lists its channels.</summary>
    Task<ConnectionCheck> TestConnectionAsync(CancellationToken ct);
}
