using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Mentions;
using LeadAgent.Web.Features.Rules;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox;

public sealed partial class InboxCommands
{
    /// <summary>
    /// An internal note. Its "@Name" mentions are found here (<see cref="NoteMentions"/>), stored on the note and
    /// notify each mentioned user but the author, in the same save; a retry with the same client key returns the
    /// stored note.
    /// </summary>
    public async Task<MessageDto> AddNoteAsync(Guid conversationId, ConversationNoteInput input,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await db.RequireWriterAsync("add notes");
        var text = input.Text?.Trim() ?? "";
        if (text.Length is 0 or > MaxText)
        {
            new Errors().Add("text", text.Length == 0 ? "Required." : $"At most {MaxText} characters.").ThrowIfAny();
        }
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new { c.Id, c.DisplayName }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Conversation", conversationId);
        // The key is the author's own: another user's key never returns their note.
        var key = input.ClientKey is { } k ? NoteKey(k, actor.UserId ?? actor.Name) : null;
        if (key is not null && await StoredNoteAsync(db, conversationId, key, ct) is { } stored)
        {
            return stored;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var mentions = NoteMentions.Find(text, await NoteMentions.ActiveUsersAsync(db, time.GetUtcNow(), ct));
        var note = new Message
        {
            ConversationId = conversationId,
            Direction = MessageDirection.Note,
            Type = "note",
            Text = text,
            At = now,
            CreatedAt = now,
            Status = DeliveryStatus.Received,
            AuthorId = actor.UserId,
            AuthorName = await AuthorNameAsync(db, actor, ct),
            ProviderMessageId = key,
            Mentions = NoteMentions.Write(mentions),
        };
        db.Messages.Add(note);
        foreach (var mention in mentions.Where(m => m.UserId != actor.UserId))
        {
            db.Notifications.Add(NoteMentions.Notify(mention.UserId, note.AuthorName, conversationId,
                conversation.DisplayName, text, now));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The same retry saved at the same moment: theirs is the note.
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            return await StoredNoteAsync(again, conversationId, key, ct) ?? throw new ConflictException(
                "The note could not be saved; try again.");
        }
        notifier.Changed([conversationId]);
        return InboxQueries.ToDto(note);
    }

    private static async Task<MessageDto?> StoredNoteAsync(Data.AppDbContext db, Guid conversationId, string key,
        CancellationToken ct) =>
        await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderMessageId == key
            && m.ConversationId == conversationId && m.Direction == MessageDirection.Note, ct) is { } m
            ? InboxQueries.ToDto(m) : null;

    // Stored as the note's provider message id (unique, 64 characters; never a real provider's id).
    private static string NoteKey(Guid key, string author) => "note:" + Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{key:N}:{author}")))[..40];
}
