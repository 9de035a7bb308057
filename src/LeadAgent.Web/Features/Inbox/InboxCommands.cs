using System.Text.Json.Nodes;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Processing;
using LeadAgent.Web.Features.Inbox.Sending;
using LeadAgent.Web.Features.Inbox.Settings;
using LeadAgent.Web.Features.Inbox.Templates;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox;

/// <summary>
/// Changes from the inbox: replies (checked against the channel rules, then queued in the outbox as pending), notes,
/// assignment and open/close (mirrored to Respond.io through the same outbox when it is connected), read marks, and
/// choosing the contact of an ambiguous sender.
/// </summary>
public sealed class InboxCommands(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, InboxSignal signal, InboxNotifier notifier,
    RespondIoConnection connection, InboxQueries queries, Microsoft.Extensions.Options.IOptions<Crm.CrmOptions> crm)
{
    public const int MaxText = 4096;

    public async Task<MessageDto> ReplyAsync(Guid conversationId, ReplyInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync("send messages");
        var conversation = await db.Conversations.Include(c => c.Channel).FirstOrDefaultAsync(c => c.Id == conversationId, ct)
            ?? throw new NotFoundException("Conversation", conversationId);
        var now = time.GetUtcNow().UtcDateTime;
        var errors = new Errors();
        JsonObject payload;
        string text;
        string type;
        var subject = input.Subject?.Trim() is { Length: > 0 } s ? s : null;
        if (input.TemplateId is { } templateId)
        {
            var template = await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId && (t.ChannelId == null || t.ChannelId == conversation.ChannelId), ct);
            if (template is null)
            {
                errors.Add("templateId", "No template with this id for this conversation's channel.");
                errors.ThrowIfAny();
            }
            // The conversation's values, looked up once for body, subject and parameters.
            var values = await ValuesAsync(db, conversation, actor.UserId, ct);
            var (rendered, problems) = TemplateRenderer.Render(template!.Body, values, input.Parameters);
            foreach (var problem in problems)
            {
                errors.Add(template.ChannelId is null ? "templateId" : "parameters", problem);
            }
            var verdict = SendPolicy.Check(conversation.Channel!.Kind, conversation.LastInboundAt, now, template.ChannelId is not null, template.Status == TemplateStatus.Approved);
            if (!verdict.Allowed)
            {
                errors.Add("templateId", verdict.Explanation);
            }
            errors.ThrowIfAny();
            text = rendered;
            subject ??= template.Subject is null ? null : TemplateRenderer.Render(template.Subject, values).Text;
            if (template.ChannelId is not null)
            {
                type = "whatsapp_template";
                var components = new JsonArray();
                if (TemplateService.HeaderText(template) is { } header)
                {
                    var (headerText, headerProblems) = TemplateRenderer.Render(header, values, input.HeaderParameters);
                    foreach (var problem in headerProblems)
                    {
                        errors.Add("headerParameters", problem);
                    }
                    errors.ThrowIfAny();
                    text = headerText + "\n" + text;
                    if (TemplateRenderer.NumberedCount(header) > 0)
                    {
                        components.Add(Component("header", input.HeaderParameters!.Take(TemplateRenderer.NumberedCount(header)), values));
                    }
                }
                components.Add(Component("body", (input.Parameters ?? []).Take(TemplateRenderer.NumberedCount(template.Body)), values));
                payload = new JsonObject
                {
                    ["type"] = type,
                    ["template"] = new JsonObject { ["name"] = template.Name, ["languageCode"] = template.Language, ["components"] = components },
                };
            }
            else
            {
                (type, payload) = Plain(conversation.Channel.Kind, text, subject);
            }
        }
        else
        {
            text = input.Text?.Trim() ?? "";
            if (text.Length == 0)
            {
                errors.Add("text", "Write a message or choose a template.");
            }
            else if (text.Length > MaxText)
            {
                errors.Add("text", $"At most {MaxText} characters.");
            }
            var row = await InboxQueries.Rows(db, db.Conversations.Where(c => c.Id == conversationId)).FirstAsync(ct);
            var verdict = await queries.FreeTextVerdictAsync(db, row, ct);
            if (!verdict.Allowed)
            {
                errors.Add("text", verdict.Explanation);
            }
            errors.ThrowIfAny();
            (type, payload) = Plain(conversation.Channel!.Kind, text, subject);
        }

        var message = new Message
        {
            ConversationId = conversationId,
            Direction = MessageDirection.Outbound,
            Type = type,
            Text = text,
            Subject = subject is { Length: > 500 } ? subject[..500] : subject,
            Status = DeliveryStatus.Pending,
            At = now,
            CreatedAt = now,
            SenderSource = "user",
            AuthorId = actor.UserId,
            AuthorName = await AuthorNameAsync(db, actor, ct),
            Payload = payload.ToJsonString(),
            NextAttemptAt = now,
        };
        db.Messages.Add(message);
        conversation.LastMessageAt = now;
        conversation.LastMessagePreview = text.Length > 200 ? text[..200] : text;
        conversation.UnreadCount = 0;
        conversation.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        signal.Notify();
        notifier.Changed([conversationId]);
        return InboxQueries.ToDto(message);
    }

    // The person's display name on the timeline; the actor's e-mail (or "system") when there is none.
    private static async Task<string> AuthorNameAsync(AppDbContext db, Data.Actor actor, CancellationToken ct) =>
        (actor.UserId is null ? null : await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)) ?? actor.Name;

    // One WhatsApp template component with its text parameters in order; a parameter may use variables.
    private static JsonObject Component(string type, IEnumerable<string> parameters, TemplateValues values) => new()
    {
        ["type"] = type,
        ["parameters"] = new JsonArray([.. parameters.Select(p => (JsonNode)new JsonObject { ["type"] = "text", ["text"] = TemplateRenderer.Render(p, values).Text })]),
    };

    private static (string Type, JsonObject Payload) Plain(ChannelKind channel, string text, string? subject) => channel == ChannelKind.Email
        ? ("email", new JsonObject { ["type"] = "email", ["text"] = text, ["subject"] = subject })
        : ("text", new JsonObject { ["type"] = "text", ["text"] = text });

    internal static async Task<TemplateValues> ValuesAsync(AppDbContext db, Conversation conversation, string? userId, CancellationToken ct)
    {
        var userName = userId is null ? null : (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct))?.Label;
        var contact = conversation.ContactId is null ? null : await db.Contacts.AsNoTracking().Include(c => c.Company).FirstOrDefaultAsync(c => c.Id == conversation.ContactId, ct);
        var lead = contact is null ? null : await db.Leads.AsNoTracking().Include(l => l.Owner)
            .Where(l => l.PrimaryContactId == contact.Id && l.ArchivedAt == null).OrderByDescending(l => l.UpdatedAt).FirstOrDefaultAsync(ct);
        var ownerName = lead?.Owner?.Label;
        return new TemplateValues(new Dictionary<string, string?>
        {
            ["contact.first_name"] = contact?.FirstName ?? conversation.DisplayName.Split(' ')[0],
            ["contact.last_name"] = contact?.LastName,
            ["contact.name"] = contact?.FullName ?? conversation.DisplayName,
            ["company.name"] = contact?.Company?.Name,
            ["lead.title"] = lead?.Title,
            ["owner.name"] = ownerName,
            ["owner.first_name"] = ownerName?.Split(' ')[0],
            ["owner.email"] = lead?.Owner?.Email,
            ["user.name"] = userName,
        });
    }

    public async Task<TemplatePreview> PreviewAsync(Guid templateId, TemplatePreviewInput input, string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.MessageTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, ct) ?? throw new NotFoundException("Template", templateId);
        var conversation = input.ConversationId is { } id ? await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        var values = conversation is null
            ? new TemplateValues(TemplateValues.Names.ToDictionary(n => n, n => (string?)$"[{n}]"))
            : await ValuesAsync(db, conversation, userId, ct);
        var (text, problems) = TemplateRenderer.Render(template.Body, values, input.Parameters);
        if (TemplateService.HeaderText(template) is { } header)
        {
            var (headerText, headerProblems) = TemplateRenderer.Render(header, values, input.HeaderParameters);
            (text, problems) = (headerText + "\n" + text, [.. headerProblems.Select(p => "Header: " + p), .. problems]);
        }
        return new TemplatePreview(text, problems);
    }

    public async Task<MessageDto> AddNoteAsync(Guid conversationId, ConversationNoteInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync("add notes");
        var text = input.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxText)
        {
            new Errors().Add("text", text.Length == 0 ? "Required." : $"At most {MaxText} characters.").ThrowIfAny();
        }
        _ = await db.Conversations.AnyAsync(c => c.Id == conversationId, ct) ? 0 : throw new NotFoundException("Conversation", conversationId);
        var now = time.GetUtcNow().UtcDateTime;
        var note = new Message { ConversationId = conversationId, Direction = MessageDirection.Note, Type = "note", Text = text, At = now, CreatedAt = now, Status = DeliveryStatus.Received, AuthorId = actor.UserId, AuthorName = await AuthorNameAsync(db, actor, ct) };
        db.Messages.Add(note);
        await db.SaveChangesAsync(ct);
        notifier.Changed([conversationId]);
        return InboxQueries.ToDto(note);
    }

    public async Task<ConversationDetail> AssignAsync(Guid conversationId, AssignInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync("assign conversations");
        var conversation = await LoadAsync(db, conversationId, ct);
        var user = input.UserId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == input.UserId, ct);
        if (input.UserId is not null && user is null)
        {
            new Errors().Add("userId", "No user with this id.").ThrowIfAny();
        }
        conversation.AssigneeId = user?.Id;
        AddEvent(db, conversation, user is null ? $"Unassigned by {actor.Name}." : $"Assigned to {user.Label} by {actor.Name}.",
            new JsonObject { ["assignee"] = user?.Email }, "mirror.assign");
        await db.SaveChangesAsync(ct);
        signal.Notify();
        notifier.Changed([conversationId]);
        return await queries.GetAsync(conversationId, ct);
    }

    public async Task<ConversationDetail> SetStatusAsync(Guid conversationId, StatusInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync("open or close conversations");
        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            new Errors().Add("status", "Must be Open or Closed.").ThrowIfAny();
            return null!;
        }
        var conversation = await LoadAsync(db, conversationId, ct);
        if (conversation.Status != status)
        {
            conversation.Status = status;
            conversation.StatusChangedAt = time.GetUtcNow().UtcDateTime;
            AddEvent(db, conversation, $"{(status == ConversationStatus.Closed ? "Closed" : "Reopened")} by {actor.Name}.",
                new JsonObject { ["status"] = status == ConversationStatus.Open ? "open" : "close" }, "mirror.status");
            await db.SaveChangesAsync(ct);
            signal.Notify();
            notifier.Changed([conversationId]);
        }
        return await queries.GetAsync(conversationId, ct);
    }

    public async Task MarkReadAsync(Guid conversationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        if (await db.Conversations.Where(c => c.Id == conversationId && c.UnreadCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UnreadCount, 0).SetProperty(c => c.UpdatedAt, now), ct) > 0)
        {
            notifier.Changed([conversationId]);
        }
    }

    /// <summary>Attaches an ambiguous (or wrongly matched) sender to the chosen contact; later messages match it directly.</summary>
    public async Task<ConversationDetail> ChooseContactAsync(Guid conversationId, ContactChoice input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("match conversations to contacts");
        var conversation = await LoadAsync(db, conversationId, ct);
        if (input.ContactId is not { } contactId || !await db.Contacts.AnyAsync(c => c.Id == contactId && c.ArchivedAt == null, ct))
        {
            new Errors().Add("contactId", "Choose an existing, active contact.").ThrowIfAny();
            return null!;
        }
        var provider = conversation.Channel!.Provider;
        var resolver = new IdentityResolver(db, crm.Value.DefaultPhoneRegion);
        await resolver.LinkAsync(provider, conversation.ExternalContactId, contactId, ct);
        // The same sender's threads on other channels of this provider belong to the same person.
        var threads = await db.Conversations.Where(c => c.ExternalContactId == conversation.ExternalContactId && c.Channel!.Provider == provider).ToListAsync(ct);
        foreach (var thread in threads)
        {
            (thread.ContactId, thread.Match, thread.CandidateContactIds, thread.UpdatedAt) = (contactId, MatchState.Matched, null, time.GetUtcNow().UtcDateTime);
        }
        await db.SaveChangesAsync(ct);
        notifier.Changed(threads.Select(t => t.Id));
        return await queries.GetAsync(conversationId, ct);
    }

    private static async Task<Conversation> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Conversations.Include(c => c.Channel).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Conversation", id);

    // A timeline entry; for Respond.io conversations it also carries the change to mirror there (sent by the outbox).
    private void AddEvent(AppDbContext db, Conversation conversation, string text, JsonObject mirror, string mirrorType)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var mirrored = conversation.Channel!.Provider == Channel.RespondIo && connection.Current.CanCallApi;
        db.Messages.Add(new Message
        {
            ConversationId = conversation.Id,
            Direction = MessageDirection.Event,
            Type = mirrored ? mirrorType : "event",
            Text = text,
            At = now,
            CreatedAt = now,
            Status = mirrored ? DeliveryStatus.Pending : DeliveryStatus.Received,
            Payload = mirrored ? mirror.ToJsonString() : null,
            NextAttemptAt = mirrored ? now : null,
        });
        conversation.UpdatedAt = now;
    }
}
