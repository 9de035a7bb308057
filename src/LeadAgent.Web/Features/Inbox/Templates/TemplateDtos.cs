using LeadAgent.Web.Features.Inbox.Conversations;

namespace LeadAgent.Web.Features.Inbox.Templates;

public sealed record TemplateDto(Guid Id, string Name, Guid? ChannelId, string Language, string? Category,
    TemplateStatus Status, string? Subject, string Body, int Parameters, bool CanSend, string? WhyNot,
    string? Header = null, int HeaderParameters = 0);

public sealed record TemplateInput(string? Name, string? Body, string? Subject = null, string? Category = null,
    string? Language = null);

public sealed record TemplatePreviewInput(Guid? ConversationId, List<string>? Parameters,
    List<string>? HeaderParameters = null);

public sealed record TemplatePreview(string Text, IReadOnlyList<string> Problems);
