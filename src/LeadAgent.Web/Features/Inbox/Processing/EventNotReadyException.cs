namespace LeadAgent.Web.Features.Inbox.Processing;

/// <summary>An event that refers to something not seen yet (a close before the first message): retried later, not
/// lost.</summary>
public sealed class EventNotReadyException(string message) : Exception(message);
