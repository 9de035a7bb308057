using System.Security.Claims;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Inbox.Templates;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace LeadAgent.Web.Features.Inbox.Pages;

/// <summary>
/// The composer's text box without two-way binding (the browser owns the text; input events tell the server; the
/// "@" menu of notes is in Composer.Mentions.cs), and its "/" canned responses: a word starting with "/" lists the
/// conversation's usable templates; picking a team template inserts its text with this conversation's values, a
/// WhatsApp template goes the template-send way.
/// </summary>
public partial class Composer : IAsyncDisposable
{
    private const int SlashMax = 8;

    private ElementReference _input;
    private string? _attached, _slash;
    private int _slashIndex;
    private bool _clearInput;
    private DotNetObjectReference<Composer>? _self;

    private IReadOnlyList<TemplateDto> SlashItems => _slash is not { } q ? [] : Detail.Templates
        .Where(t => q.Length == 0 || t.Name.Contains(q, StringComparison.OrdinalIgnoreCase)
            || t.Body.Contains(q, StringComparison.OrdinalIgnoreCase))
        .OrderByDescending(t => t.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase)).ThenBy(t => t.Name)
        .Take(SlashMax).ToList();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!CanWrite || _template is not null || _input.Id is null)
        {
            return;
        }
        if (_attached != _input.Id)
        {
            _self ??= DotNetObjectReference.Create(this);
            await JS.InvokeVoidAsync("leadAgentComposer.attach", _input, _self);
            _attached = _input.Id;
            // A box shown again (after a template was cleared) starts with the text it had.
            if (!string.IsNullOrEmpty(_text) && !_clearInput)
            {
                await JS.InvokeVoidAsync("leadAgentComposer.setValue", _input, _text);
            }
        }
        if (_clearInput)
        {
            _clearInput = false;
            await JS.InvokeVoidAsync("leadAgentComposer.setValue", _input, "");
        }
    }

    private void OnInput(ChangeEventArgs e)
    {
        if (e.Value as string != _text)
        {
            (_text, _noteKey) = (e.Value as string, Guid.NewGuid());
        }
    }

    // The conversation changed or the text was sent: empty the box in the browser after this render.
    private void ClearInput() => (_text, _slash, _mention, _clearInput) = (null, null, null, true);

    private async Task SlashKeyAsync(string key)
    {
        var items = SlashItems;
        switch (key)
        {
            case "ArrowDown" when items.Count > 0:
                _slashIndex = (_slashIndex + 1) % items.Count;
                break;
            case "ArrowUp" when items.Count > 0:
                _slashIndex = (_slashIndex - 1 + items.Count) % items.Count;
                break;
            case "Enter" or "Tab" when _slashIndex < items.Count:
                await PickAsync(items[_slashIndex]);
                break;
            default:
                _slash = null;
                break;
        }
    }

    private async Task PickAsync(TemplateDto template)
    {
        if (!template.CanSend)
        {
            return;
        }
        _slash = null;
        if (template.ChannelId is not null)
        {
            // A WhatsApp template is sent as a template (also the only way outside the 24-hour window).
            await JS.InvokeVoidAsync("leadAgentComposer.replaceToken", _input, "");
            await TemplateChanged(template.Id);
            return;
        }
        var preview = await Commands.PreviewAsync(template.Id, new TemplatePreviewInput(Detail.Conversation.Id, [],
            []), await UserIdAsync());
        if (Detail.Conversation.Channel == ChannelKind.Email && string.IsNullOrEmpty(_subject))
        {
            _subject = template.Subject;
        }
        await JS.InvokeVoidAsync("leadAgentComposer.replaceToken", _input, preview.Text);
    }

    private async Task<string?> UserIdAsync() =>
        (await Auth.GetAuthenticationStateAsync()).User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async ValueTask DisposeAsync()
    {
        // Nothing was attached in a prerender, or before the box was first shown.
        if (_self is null)
        {
            return;
        }
        try
        {
            await JS.InvokeVoidAsync("leadAgentComposer.detach", _input);
        }
        catch (JSDisconnectedException)
        {
        }
        _self.Dispose();
        GC.SuppressFinalize(this);
    }
}
