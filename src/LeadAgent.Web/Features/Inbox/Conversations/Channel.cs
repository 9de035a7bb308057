using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Inbox.Conversations;

/// <summary>What kind of channel a conversation runs on; decides the sending rules (the send policy).</summary>
public enum ChannelKind { WhatsApp, Instagram, Facebook, Email, Other }

/// <summary>
/// One channel of a provider's workspace (a Respond.io WhatsApp number, Instagram account, mailbox…), or the built-in
/// sandbox. Created when the first event on it arrives or when channels are fetched from the API.
/// </summary>
public sealed class Channel
{
    public Guid Id { get; set; } = Ids.NewV7();
    /// <summary>The key of the messaging provider that serves it (<c>respondio</c>, <c>sandbox</c>…).</summary>
    public required string Provider { get; set; }
    /// <summary>The provider's channel id (Respond.io <c>channel.id</c>).</summary>
    public required string ExternalId { get; set; }
    public required string Name { get; set; }
    /// <summary>
    /// The provider's source name as given (<c>whatsapp_cloud</c>, <c>instagram</c>, <c>gmail</c>…).
    /// </summary>
    public required string Source { get; set; }
    public ChannelKind Kind { get; set; }
    public DateTime CreatedAt { get; set; }
}
