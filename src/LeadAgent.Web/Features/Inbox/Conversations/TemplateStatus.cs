namespace LeadAgent.Web.Features.Inbox.Conversations;

/// <summary>
/// Approval of a reply template (WhatsApp's, or always Approved for the team's own). Kept beside the other stored
/// states so providers can report it without depending on the template services.
/// </summary>
public enum TemplateStatus { Approved, Pending, Rejected, Paused, Disabled }
