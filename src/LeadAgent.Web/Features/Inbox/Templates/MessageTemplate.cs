using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;

namespace LeadAgent.Web.Features.Inbox.Templates;

/// <summary>
/// A reply template. Local templates (no channel) are the team's snippets with variables such as
/// <c>{{contact.first_name}}</c>; WhatsApp templates are synced from a channel, keep Meta's approval status and
/// numbered placeholders (<c>{{1}}</c>) filled per component when sending, and may be sent outside the 24 h window.
/// </summary>
public sealed class MessageTemplate
{
    public Guid Id { get; set; } = Ids.NewV7();
    public required string Name { get; set; }
    /// <summary>Null for local templates; the WhatsApp channel for synced ones.</summary>
    public Guid? ChannelId { get; set; }
    /// <summary>The provider's template id.</summary>
    public string? ExternalId { get; set; }
    public string Language { get; set; } = "en";
    /// <summary>MARKETING, UTILITY or AUTHENTICATION for WhatsApp; free text for local ones.</summary>
    public string? Category { get; set; }
    public TemplateStatus Status { get; set; }
    public string? Subject { get; set; }
    /// <summary>The body text (for WhatsApp templates the body component's text).</summary>
    public required string Body { get; set; }
    /// <summary>WhatsApp templates: the components as the provider gives them (JSON), to know each one's
    /// placeholders.</summary>
    public string? Components { get; set; }
    public DateTime UpdatedAt { get; set; }
}
