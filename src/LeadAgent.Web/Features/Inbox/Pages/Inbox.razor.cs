using System.Security.Claims;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Ui.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace LeadAgent.Web.Features.Inbox.Pages;

/// <summary>The inbox page's state and behaviour: filters and paging, the open conversation, live updates.</summary>
public partial class Inbox
{
    [Parameter] public Guid? Id { get; set; }

    private string? _q, _userId;
    private ChannelKind? _channel;
    // The status filter: open (snoozed ones left out until their time), snoozed, or closed; none shows all.
    private static readonly string[] StatusViews = ["Open", "Snoozed", "Closed"];
    private string? _status = "Open";
    private AssignedFilter _assigned = AssignedFilter.Anyone;
    private LeadStatus? _leadStatus;
    private Classification? _classification;
    private bool _unread, _review, _canWrite, _sandboxOpen, _side, _filtersOpen;
    private InboxPage _page = new([], null, 0, 0);

    // Folded on a phone, the filters still say how many differ from the defaults (open conversations, anyone's).
    private string FilterToggleText
    {
        get
        {
            bool[] set = [_channel is not null, _status != "Open", _assigned != AssignedFilter.Anyone,
                _leadStatus is not null, _classification is not null, _unread, _review];
            var n = set.Count(x => x);
            return n == 0 ? "Filters" : $"Filters ({n})";
        }
    }
    private List<ConversationRow> _items = [];
    private ConversationDetail? _detail;
    private ConversationView? _view;
    private DotNetObjectReference<Inbox>? _self;
    private DateTime? _latest;
    private PeriodicTimer? _timer;
    private readonly CancellationTokenSource _stop = new();

    // The list as read while prerendering, carried into the live page: one query, and no blank list in between.
    [PersistentState] public InboxPage? FirstList { get; set; }
    [PersistentState] public DateTime? FirstLatest { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = (await Auth.GetAuthenticationStateAsync()).User;
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        _canWrite = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Sales);
        await Clock.ZoneAsync();
        if (FirstList is { } carried)
        {
            (_page, _items, _latest) = (carried, carried.Items.ToList(), FirstLatest);
        }
        else
        {
            await ReloadListAsync();
            (FirstList, FirstLatest) = (Prerendered.Carry(_page), _latest);
        }
        Notifier.ConversationsChanged += OnChanged;
        _ = PollAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Id is { } id && _detail?.Conversation.Id != id)
        {
            _side = false;
            await LoadDetailAsync(id, markRead: true);
        }
        else if (Id is null)
        {
            _detail = null;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            await JS.InvokeVoidAsync("leadAgentInbox.register", _self);
        }
    }

    private InboxQuery Query(string? cursor = null) => new()
    {
        Q = _q,
        Channel = _channel,
        Status = _status switch
        {
            "Open" => ConversationStatus.Open,
            "Closed" => ConversationStatus.Closed,
            _ => null,
        },
        Snoozed = _status == "Snoozed" ? true : null,
        Assigned = _assigned,
        Unread = _unread ? true : null,
        NeedsReview = _review ? true : null,
        LeadStatus = _leadStatus,
        Classification = _classification,
        Cursor = cursor,
        Limit = 50,
    };

    private async Task SetAsync(Action set)
    {
        set();
        await ReloadListAsync();
    }

    private async Task ShowReviewAsync()
    {
        (_review, _status) = (true, null);
        await ReloadListAsync();
    }

    private async Task ReloadListAsync()
    {
        _page = await Queries.ListAsync(Query(), _userId);
        _items = _page.Items.ToList();
        _latest = await Queries.LatestChangeAsync();
    }

    private async Task MoreAsync()
    {
        var next = await Queries.ListAsync(Query(_page.NextCursor), _userId);
        _items.AddRange(next.Items);
        _page = next with { Items = _items };
    }

    private async Task LoadDetailAsync(Guid id, bool markRead)
    {
        try
        {
            if (markRead)
            {
                await Commands.MarkReadAsync(id, _userId);
            }
            _detail = await Queries.GetAsync(id, _userId);
        }
        catch (NotFoundException)
        {
            _detail = null;
        }
    }

    private Task OpenAsync(Guid id)
    {
        Nav.NavigateTo($"/inbox/{id}");
        return Task.CompletedTask;
    }

    private async Task OnConversationChangedAsync()
    {
        await ReloadListAsync();
        if (Id is { } id)
        {
            await LoadDetailAsync(id, markRead: false);
        }
    }

    private async Task OnSandboxSentAsync() => await ReloadListAsync();

    // Live: this instance's changes arrive as events; other instances' through a cheap poll of the newest change.
    private void OnChanged(IReadOnlyCollection<Guid> ids) => _ = InvokeAsync(async () =>
    {
        try
        {
            await ReloadListAsync();
            if (Id is { } id && ids.Contains(id))
            {
                await LoadDetailAsync(id, markRead: true);
            }
            StateHasChanged();
        }
        catch (ObjectDisposedException)
        {
        }
    });

    private async Task PollAsync()
    {
        _timer = new PeriodicTimer(TimeSpan.FromSeconds(3));
        try
        {
            while (await _timer.WaitForNextTickAsync(_stop.Token))
            {
                var latest = await Queries.LatestChangeAsync();
                if (latest != _latest)
                {
                    OnChanged(Id is { } id ? [id] : []);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    [JSInvokable]
    public async Task OnShortcut(string action)
    {
        var index = _items.FindIndex(i => i.Id == Id);
        switch (action)
        {
            case "next" when _items.Count > 0:
                await OpenAsync(_items[Math.Min(index + 1, _items.Count - 1)].Id);
                break;
            case "previous" when _items.Count > 0:
                await OpenAsync(_items[Math.Max(index - 1, 0)].Id);
                break;
            case "search":
                await JS.InvokeVoidAsync("leadAgentInbox.focus", "#inbox-search");
                break;
            case "reply" or "note" or "send" or "toggle" when _view is not null:
                await _view.ShortcutAsync(action);
                break;
        }
        StateHasChanged();
    }

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    private string Ago(DateTime utc)
    {
        var span = Now - utc;
        return span.TotalMinutes < 1 ? "now" : span.TotalHours < 1 ? $"{(int)span.TotalMinutes}m" : span.TotalDays < 1
            ? $"{(int)span.TotalHours}h"
            : span.TotalDays < 7 ? $"{(int)span.TotalDays}d" : Clock.Format(utc)[..10];
    }

    public async ValueTask DisposeAsync()
    {
        Notifier.ConversationsChanged -= OnChanged;
        _stop.Cancel();
        _timer?.Dispose();
        // Only a page that became interactive registered its shortcuts; a prerendered one has no JS to call.
        if (_self is not null)
        {
            try
            {
                await JS.InvokeVoidAsync("leadAgentInbox.unregister");
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone, and its shortcuts with it.
            }
            _self.Dispose();
        }
        _stop.Dispose();
    }
}
