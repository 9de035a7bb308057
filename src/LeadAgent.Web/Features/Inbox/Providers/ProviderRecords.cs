using LeadAgent.Web.Features.Inbox.Conversations;

namespace LeadAgent.Web.Features.Inbox.Providers;

/// <summary>A message listed at the provider, enough to recognise one of ours (by text, or template name).</summary>
public sealed record RecentMessage(string MessageId, bool Incoming, DateTime? At, string? Text, string? TemplateName);

/// <summary>A template as the provider lists it; <paramref name="Components"/> is WhatsApp's component JSON.</summary>
public sealed record ProviderTemplate(string? ExternalId, string Name, string Language, string? Category,
    TemplateStatus Status, string? Body, string? Components);

public sealed record ProviderChannel(string Id, string Name, string Source, ChannelKind Kind);

/// <summary>The outcome of a connection test: whether it worked, what to tell the admin, and the channels
/// found.</summary>
public sealed record ConnectionCheck(bool Ok, string Message, IReadOnlyList<ProviderChannel> Channels);

/// <summary>A webhook-shaped event to store (and process like a live one); the id makes storing it
/// idempotent.</summary>
public sealed record RawEvent(string EventId, string EventType, string Body);

/// <summary>One contact's backfilled history: how many messages were listed, and the events made of them.</summary>
public sealed record BackfillContact(int Messages, IReadOnlyList<RawEvent> Events);
