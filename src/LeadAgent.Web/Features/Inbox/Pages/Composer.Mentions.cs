using LeadAgent.Web.Features.Inbox.Mentions;
using Microsoft.JSInterop;

namespace LeadAgent.Web.Features.Inbox.Pages;

/// <summary>
/// The note's "@" menu: the workspace's active users, filtered by name or e-mail as people type; picking one writes
/// "@Name " (the e-mail when two people share the name). Who was mentioned is decided by the server from the text.
/// </summary>
public partial class Composer
{
    private const int MentionMax = 8;

    private string? _mention;
    private int _mentionIndex;
    private IReadOnlyList<MentionableUser>? _people;
    // A retried send of the same text is one note (the server keeps the first); new text gets a new key.
    private Guid _noteKey = Guid.NewGuid();

    private IReadOnlyList<MentionableUser> MentionItems => _mention is not { } q || _people is null ? [] : _people
        .Where(u => q.Length == 0 || u.Name.Contains(q, StringComparison.OrdinalIgnoreCase)
            || (u.Email?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false))
        .OrderByDescending(u => u.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase)
            || u.Name.Contains(' ' + q, StringComparison.OrdinalIgnoreCase))
        .ThenBy(u => u.Name, StringComparer.OrdinalIgnoreCase).Take(MentionMax).ToList();

    // The menu the text box opens in this mode (inbox.js reads it from the box): a note's "/" is just text, a
    // reply's "@" too.
    private string Triggers => _mode == "note" ? "@" : "/";

    [JSInvokable]
    public async Task OnToken(string? kind, string? query)
    {
        (_slash, _mention, _slashIndex, _mentionIndex) = (null, null, 0, 0);
        if (kind == "/" && _mode == "reply")
        {
            _slash = query ?? "";
        }
        else if (kind == "@" && _mode == "note")
        {
            _people ??= await Queries.MentionableUsersAsync();
            _mention = query ?? "";
        }
        StateHasChanged();
    }

    [JSInvokable]
    public async Task OnMenuKey(string key)
    {
        if (_mention is not null)
        {
            await MentionKeyAsync(key);
        }
        else
        {
            await SlashKeyAsync(key);
        }
        StateHasChanged();
    }

    private async Task MentionKeyAsync(string key)
    {
        var items = MentionItems;
        switch (key)
        {
            case "ArrowDown" when items.Count > 0:
                _mentionIndex = (_mentionIndex + 1) % items.Count;
                break;
            case "ArrowUp" when items.Count > 0:
                _mentionIndex = (_mentionIndex - 1 + items.Count) % items.Count;
                break;
            case "Enter" or "Tab" when _mentionIndex < items.Count:
                await PickMentionAsync(items[_mentionIndex]);
                break;
            default:
                _mention = null;
                break;
        }
    }

    private async Task PickMentionAsync(MentionableUser user)
    {
        _mention = null;
        await JS.InvokeVoidAsync("leadAgentComposer.replaceToken", _input, $"@{user.Handle} ");
    }
}
