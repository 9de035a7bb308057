using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace LeadAgent.Web.Features.Search.Pages;

public sealed partial class CommandPalette
{
    private sealed record Row(string Group, string Title, string? Detail, string Url, string Icon);

    private sealed record PaletteAction(string Title, string Url, string Icon, bool Writes = false);

    private static readonly PaletteAction[] Actions =
    [
        new("New lead", "/leads/new", Icons.Material.Filled.Add, Writes: true),
        new("New company", "/companies/new", Icons.Material.Filled.Add, Writes: true),
        new("New contact", "/contacts/new", Icons.Material.Filled.Add, Writes: true),
        new("Import a file", "/imports/new", Icons.Material.Filled.UploadFile, Writes: true),
        new("Go to Today", "/today", Icons.Material.Filled.Today),
        new("Go to inbox", "/inbox", Icons.Material.Filled.Inbox),
        new("Go to leads", "/leads", Icons.Material.Filled.TrendingUp),
        new("Go to companies", "/companies", Icons.Material.Filled.Business),
        new("Go to contacts", "/contacts", Icons.Material.Filled.People),
        new("Go to the dashboard", "/", Icons.Material.Filled.Dashboard),
        new("Go to discovery", "/discovery", Icons.Material.Filled.TravelExplore),
    ];

    private bool _open, _canWrite, _focus;
    private string _q = "";
    private string? _message;
    private int _selected;
    private List<Row> _rows = [];
    private CancellationTokenSource? _typing;
    private DotNetObjectReference<CommandPalette>? _self;

    protected override async Task OnInitializedAsync()
    {
        var user = (await Auth.GetAuthenticationStateAsync()).User;
        _canWrite = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Sales);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            await JS.InvokeVoidAsync("leadAgentPalette.register", _self);
        }
        if (_focus)
        {
            _focus = false; // the input exists only once the palette has rendered open
            await JS.InvokeVoidAsync("leadAgentPalette.focusInput");
        }
    }

    [JSInvokable]
    public Task OpenFromKeyboard() => InvokeAsync(Open);

    private void Open()
    {
        _typing?.Cancel();
        _open = true;
        _q = "";
        _message = null;
        ShowActions("");
        _focus = true;
        StateHasChanged();
    }

    private void Close()
    {
        _typing?.Cancel();
        _open = false;
    }

    private async Task OnInputAsync(ChangeEventArgs e)
    {
        _q = e.Value?.ToString() ?? "";
        _typing?.Cancel();
        _typing = new CancellationTokenSource();
        var typing = _typing.Token;
        var q = _q.Trim();
        if (q.Length < GlobalSearch.MinLength)
        {
            _message = null;
            ShowActions(q);
            return;
        }
        try
        {
            // Wait for a pause in typing; a newer keystroke cancels this search.
            await Task.Delay(TimeSpan.FromMilliseconds(120), Time, typing);
            var found = await Search.FindAsync(q, null, typing);
            if (!typing.IsCancellationRequested)
            {
                ShowResults(q, found); // a newer keystroke's search owns the list now
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ValidationFailedException)
        {
            _rows = [];
            _message = "That search is too long.";
        }
    }

    private void ShowActions(string q)
    {
        _rows = [.. MatchingActions(q)];
        _selected = 0;
    }

    private void ShowResults(string q, SearchResult found)
    {
        _rows =
        [
            .. found.Hits.Select(h => new Row(Group(h.Kind), h.Title, h.Detail, h.Url, Icon(h.Kind))),
            .. MatchingActions(q),
        ];
        _selected = 0;
        _message = found.Hits.Count == 0 ? $"Nothing found for “{q}”." : null;
    }

    private IEnumerable<Row> MatchingActions(string q) => Actions
        .Where(a => (_canWrite || !a.Writes)
            && (q.Length == 0 || a.Title.Contains(q, StringComparison.OrdinalIgnoreCase)))
        .Select(a => new Row("Actions", a.Title, null, a.Url, a.Icon));

    private async Task OnKeyAsync(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "Escape":
                Close();
                break;
            case "ArrowDown" when _rows.Count > 0:
                _selected = (_selected + 1) % _rows.Count;
                await JS.InvokeVoidAsync("leadAgentPalette.scrollIntoView", $"palette-row-{_selected}");
                break;
            case "ArrowUp" when _rows.Count > 0:
                _selected = (_selected + _rows.Count - 1) % _rows.Count;
                await JS.InvokeVoidAsync("leadAgentPalette.scrollIntoView", $"palette-row-{_selected}");
                break;
            case "Enter" when _rows.Count > 0:
                Close();
                Nav.NavigateTo(_rows[Math.Min(_selected, _rows.Count - 1)].Url);
                break;
        }
    }

    internal static string Group(SearchKind kind) => kind switch
    {
        SearchKind.Company => "Companies",
        SearchKind.Contact => "Contacts",
        SearchKind.Lead => "Leads",
        _ => "Conversations",
    };

    internal static string Icon(SearchKind kind) => kind switch
    {
        SearchKind.Company => Icons.Material.Filled.Business,
        SearchKind.Contact => Icons.Material.Filled.Person,
        SearchKind.Lead => Icons.Material.Filled.TrendingUp,
        _ => Icons.Material.Filled.Forum,
    };

    public async ValueTask DisposeAsync()
    {
        _typing?.Cancel();
        if (_self is null)
        {
            return; // prerendered only: nothing was registered in the browser
        }
        try
        {
            await JS.InvokeVoidAsync("leadAgentPalette.unregister");
        }
        catch (JSDisconnectedException)
        {
        }
        _self.Dispose();
    }
}
