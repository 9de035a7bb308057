namespace LeadAgent.Web.Features.Inbox.Runtime;

/// <summary>Wakes this instance's inbox worker when a webhook is stored or a reply is queued here.</summary>
public sealed class InboxSignal : Infrastructure.Work.WorkSignal;
