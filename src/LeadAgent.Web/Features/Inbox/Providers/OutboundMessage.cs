using LeadAgent.Web.Features.Inbox.Conversations;

namespace LeadAgent.Web.Features.Inbox.Providers;

public enum OutboundKind { Text, Email, Template, Assign, Status }

/// <summary>A WhatsApp template with its filled parameters; null header parameters means no header component.</summary>
public sealed record OutboundTemplate(string Name, string Language, IReadOnlyList<string>? HeaderParameters,
    IReadOnlyList<string> BodyParameters);

/// <summary>
/// What the inbox asks a provider to send: a reply (text, e-mail, template) or a conversation change to mirror
/// (assignee by e-mail, open/close).
/// </summary>
public sealed record OutboundMessage(OutboundKind Kind, string? Text = null, string? Subject = null,
    OutboundTemplate? Template = null, string? Assignee = null, bool Open = false)
{
    public static OutboundMessage Plain(ChannelKind channel, string text, string? subject) =>
        channel == ChannelKind.Email
        ? new(OutboundKind.Email, text, subject)
        : new(OutboundKind.Text, text);
}

/// <summary>One send: the outbox message's id, who it goes to (provider ids) and what.</summary>
public sealed record OutboundSend(Guid MessageId, string ExternalContactId, string ChannelExternalId,
    OutboundMessage Message);

/// <summary>
/// How a send ended, as the outbox needs it: sent (with the provider's id), not sent and to be tried again after a
/// wait, unknown (may have gone out: reconcile before retrying), or refused for good with the provider's reason.
/// </summary>
public abstract record SendResult
{
    private SendResult()
    {
    }

    /// <summary>Accepted. <paramref name="Status"/> is Delivered when the provider delivers at once
    /// (sandbox).</summary>
    public sealed record Sent(string? MessageId, DeliveryStatus Status = DeliveryStatus.Sent) : SendResult;

    /// <summary>Not sent (rate limited): try again after <paramref name="Wait"/>, or with backoff when null.</summary>
    public sealed record RetryAfter(TimeSpan? Wait, string Reason) : SendResult;

    /// <summary>No answer or a server error: it may have gone out.</summary>
    public sealed record Unknown(string Reason) : SendResult;

    public sealed record Refused(string Reason) : SendResult;
}
