using LeadAgent.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;

namespace LeadAgent.Web.Ui.Shared;

/// <summary>
/// A keyset-paged list page whose filters (<typeparamref name="TFilter"/>), sort and page size live in its address:
/// a link reproduces the view, each applied change is a history entry and Back brings the one before.
/// </summary>
public abstract class ListPage<TFilter, TRow> : ComponentBase, IDisposable where TFilter : class
{
    private string? _ownAddress;

    [Inject] protected NavigationManager Nav { get; set; } = null!;

    /// <summary>The filter the list shows (the controls may hold changes not applied yet).</summary>
    protected TFilter Applied { get; private set; } = null!;
    protected string Sort { get; private set; } = "";
    protected int PageSize { get; private set; } = ListAddress.DefaultPageSize;
    protected Page<TRow> Result { get; private set; } = new([], null, 0);
    protected CursorTrail Trail { get; } = new();
    protected List<FilterChip> Chips { get; private set; } = [];
    protected string? Error { get; private set; }
    protected bool Loading { get; private set; }

    /// <summary>The page's path, "/companies".</summary>
    protected abstract string Path { get; }
    protected abstract string DefaultSort { get; }
    protected abstract IReadOnlyCollection<string> SortFields { get; }
    /// <summary>The filter a link asks for.</summary>
    protected abstract TFilter Read(ListAddress address);
    /// <summary>The filter's address parameters (also those of the export link).</summary>
    protected abstract IEnumerable<(string Name, string? Value)> Parameters(TFilter filter);
    /// <summary>The filter as the controls hold it, and the controls showing a filter.</summary>
    protected abstract TFilter Current();
    protected abstract void Show(TFilter filter);
    protected abstract List<FilterChip> ChipsOf(TFilter filter);
    /// <summary>The filter without the chip of this key.</summary>
    protected abstract TFilter Without(TFilter filter, string key);
    protected abstract Task<Page<TRow>> FetchAsync(TFilter filter, string sort, int pageSize, string? cursor);

    /// <summary>
    /// The first page as read while prerendering, carried into the live page: it neither queries twice nor blanks
    /// the rows someone may already be clicking. Only the first load uses it.
    /// </summary>
    [PersistentState] public Page<TRow>? FirstPage { get; set; }

    private bool _loadedOnce;

    protected string FilterCount => Chips.Count(c => c.Key != "q") is > 0 and var n ? $" ({n})" : "";

    protected override async Task OnInitializedAsync()
    {
        await ReadAddressAsync(Nav.Uri);
        Nav.LocationChanged += OnLocationChanged;
    }

    private async Task ReadAddressAsync(string uri)
    {
        var address = new ListAddress(uri);
        Show(Read(address));
        Sort = address.Sort(SortFields, DefaultSort);
        PageSize = address.PageSize();
        Applied = Current();
        Trail.Reset();
        await LoadAsync();
        Error ??= address.Error;
    }

    // Back, Forward or a link to this page: show what the address asks for. The page's own entry is skipped once.
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (e.Location == _ownAddress)
        {
            _ownAddress = null;
            return;
        }
        if ("/" + Nav.ToBaseRelativePath(e.Location).Split('?', '#')[0] == Path)
        {
            _ = InvokeAsync(async () =>
            {
                await ReadAddressAsync(e.Location);
                StateHasChanged();
            });
        }
    }

    /// <summary>Applies the controls' filter with the current sort and page size, as a new history entry.</summary>
    protected async Task ApplyAsync()
    {
        Applied = Current();
        Trail.Reset();
        var address = Nav.ToAbsoluteUri(ListAddress.For(Path, Parameters(Applied), Sort, DefaultSort, PageSize))
            .ToString();
        if (address != Nav.Uri)
        {
            _ownAddress = address;
            Nav.NavigateTo(address);
        }
        await LoadAsync();
    }

    protected async Task SearchKeyAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await ApplyAsync();
        }
    }

    protected async Task SortAsync(string sort)
    {
        Sort = sort;
        await ApplyAsync();
    }

    protected async Task PageSizeAsync(int size)
    {
        PageSize = size;
        await ApplyAsync();
    }

    protected async Task RemoveChipAsync(string key)
    {
        Show(Without(Applied, key));
        await ApplyAsync();
    }

    /// <summary>"Clear all" drops every filter and keeps the sort.</summary>
    protected async Task ClearAllAsync()
    {
        Show(Read(new ListAddress(Nav.BaseUri)));
        await ApplyAsync();
    }

    /// <summary>The panel's Reset also brings the usual sort back.</summary>
    protected async Task ResetAsync()
    {
        Sort = DefaultSort;
        await ClearAllAsync();
    }

    protected async Task NextAsync()
    {
        Trail.Forward(Result.NextCursor);
        await LoadAsync();
    }

    protected async Task PrevAsync()
    {
        Trail.Back();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        Chips = ChipsOf(Applied);
        Loading = true;
        Error = null;
        var carried = _loadedOnce ? null : FirstPage;
        _loadedOnce = true;
        try
        {
            Result = carried ?? await FetchAsync(Applied, Sort, PageSize, Trail.Current);
            FirstPage = carried is null ? Prerendered.Carry(Result) : null;
        }
        catch (ValidationFailedException e)
        {
            Error = string.Join(" ", e.Errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}"));
            Result = new([], null, 0);
        }
        Loading = false;
    }

    public void Dispose()
    {
        Nav.LocationChanged -= OnLocationChanged;
        GC.SuppressFinalize(this);
    }
}
