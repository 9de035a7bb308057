using System.Text.Json;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Rules;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Mentions;

/// <summary>One "@Name" in a note: who it names and the text written after the "@".</summary>
public sealed record Mention(string UserId, string Text);

/// <summary>A user who can be mentioned: active (not locked by an admin), named by display name or e-mail.</summary>
public sealed record MentionableUser(string Id, string Name, string? Email)
{
    /// <summary>What the composer writes after "@": the name, or the e-mail when the name is not unique.</summary>
    public string Handle { get; init; } = Name;
}

/// <summary>
/// Mentions in internal notes, decided on the server from the note's text alone: "@" (at the start or after a
/// character that is not a letter or digit) followed by an active user's display name, when no other active user has
/// it, or their e-mail address; the longest such name wins. Unknown, ambiguous or locked names mention nobody.
/// </summary>
public static class NoteMentions
{
    public static async Task<List<MentionableUser>> ActiveUsersAsync(AppDbContext db, DateTimeOffset now,
        CancellationToken ct)
    {
        // LockoutEnd is compared here: SQLite cannot order DateTimeOffset, and a workspace has few users.
        var users = (await db.Users.AsNoTracking()
                .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd }).ToListAsync(ct))
            .Where(u => !(u.LockoutEnd > now)).ToList();
        var shared = users.Where(u => !string.IsNullOrWhiteSpace(u.DisplayName))
            .GroupBy(u => u.DisplayName!.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return users.Select(u =>
        {
            var name = u.DisplayName?.Trim();
            var handle = string.IsNullOrEmpty(name) || shared.Contains(name) || name.Contains('\n') ? u.Email ?? u.Id
                : name;
            return new MentionableUser(u.Id, string.IsNullOrEmpty(name) ? u.Email ?? u.Id : name, u.Email)
            {
                Handle = handle,
            };
        }).OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The mentions in <paramref name="text"/>, each user once, in the order written.</summary>
    public static List<Mention> Find(string text, IReadOnlyList<MentionableUser> users)
    {
        // Names shared by two users name nobody; e-mail addresses are unique.
        var keys = users.Where(u => u.Handle == u.Name).Select(u => (Key: u.Name, u.Id))
            .Concat(users.Where(u => !string.IsNullOrEmpty(u.Email)).Select(u => (Key: u.Email!, u.Id)))
            .Where(k => k.Key.Length > 0).OrderByDescending(k => k.Key.Length).ToList();
        var found = new List<Mention>();
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
            {
                continue; // part of an e-mail address, not a mention
            }
            foreach (var (key, id) in keys)
            {
                if (string.Compare(text, at + 1, key, 0, key.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && EndsWord(text, at + 1 + key.Length))
                {
                    if (found.All(m => m.UserId != id))
                    {
                        found.Add(new Mention(id, text.Substring(at + 1, key.Length)));
                    }
                    at += key.Length;
                    break;
                }
            }
        }
        return found;
    }

    // The name ends at the end, at a space or punctuation — not inside a longer word or address ("@ann" in "@anna").
    private static bool EndsWord(string text, int end) =>
        end >= text.Length || !(char.IsLetterOrDigit(text[end]) || text[end] is '@' or '_' or '-'
            || (text[end] is '.' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1])));

    /// <summary>The text cut into plain parts and the "@Name" parts of its mentions, for highlighting (as text).
    /// </summary>
    public static List<(string Text, bool Mention)> Segments(string? text, IReadOnlyList<Mention>? mentions)
    {
        if (string.IsNullOrEmpty(text) || mentions is not { Count: > 0 })
        {
            return string.IsNullOrEmpty(text) ? [] : [(text, false)];
        }
        var names = mentions.Select(m => m.Text).Where(n => n.Length > 0).OrderByDescending(n => n.Length).ToList();
        var parts = new List<(string, bool)>();
        var from = 0;
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var name = at > 0 && char.IsLetterOrDigit(text[at - 1]) ? null : names.FirstOrDefault(n =>
                string.Compare(text, at + 1, n, 0, n.Length, StringComparison.OrdinalIgnoreCase) == 0
                && EndsWord(text, at + 1 + n.Length));
            if (name is null)
            {
                continue;
            }
            if (at > from)
            {
                parts.Add((text[from..at], false));
            }
            parts.Add((text.Substring(at, name.Length + 1), true));
            from = at + name.Length + 1;
            at = from - 1;
        }
        if (from < text.Length)
        {
            parts.Add((text[from..], false));
        }
        return parts;
    }

    public static string? Write(IReadOnlyList<Mention> mentions) =>
        mentions.Count == 0 ? null : JsonSerializer.Serialize(mentions);

    public static IReadOnlyList<Mention> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<Mention>>(json) ?? [];

    /// <summary>"NAME mentioned you in the conversation with X: text…", linking to the conversation.</summary>
    public static Notification Notify(string userId, string author, Guid conversationId, string conversationName,
        string text, DateTime at)
    {
        var head = $"{author} mentioned you in the conversation with {conversationName}: ";
        var room = Math.Max(0, Notification.TextMax - head.Length);
        var excerpt = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return new Notification
        {
            UserId = userId,
            Text = (head + (excerpt.Length > room ? excerpt[..Math.Max(0, room - 1)] + "…" : excerpt)) is var t
                && t.Length > Notification.TextMax ? t[..Notification.TextMax] : t,
            Link = $"/inbox/{conversationId}",
            CreatedAt = at,
        };
    }
}
