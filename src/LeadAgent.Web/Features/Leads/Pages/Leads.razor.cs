using System.Security.Claims;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Ui.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;

namespace LeadAgent.Web.Features.Leads.Pages;

public sealed partial class Leads
{
    private int _pageSize = ListAddress.DefaultPageSize;
    private string? _ownAddress;
    private string? _q, _owner, _country, _tag, _error, _userId;
    private string _sort = "-score";
    private IReadOnlyCollection<LeadStatus> _status = [];
    private IReadOnlyCollection<Classification> _classification = [];
    private IReadOnlyCollection<LeadSource> _source = [];
    private IReadOnlyCollection<Segment> _segment = [];
    private int? _scoreMin, _scoreMax;
    private bool _archived, _loading, _allMatching, _canWrite, _filtersOpen, _filtersShown;
    private List<FilterChip> _chips = [];
    private Dictionary<string, string> _fieldLabels = [];
    private bool? _hasOrders;
    private DateTime? _lastOrderBefore;
    private CustomFieldCondition? _custom;
    // Conditions of a saved view beyond the one the filter shows (views made through the API may hold several).
    private List<CustomFieldCondition> _moreCustom = [];
    private LeadFilter _applied = new();
    private Page<LeadRow> _page = new([], null, 0);
    private readonly CursorTrail _trail = new();
    private HashSet<LeadRow> _selected = [];
    private List<(string Id, string Name)> _owners = [];
    private List<LeadListDto> _lists = [];
    private Guid? _viewId;
    private List<string> _columns = [.. LeadColumns.Default];
    private LeadBulkBar? _bulkBar;

    // "/leads?importRunId=…": the leads an import created. Text, not Guid?: a mangled link must not fail the page.
    [SupplyParameterFromQuery(Name = "importRunId")] public string? ImportRunId { get; set; }

    private Guid? _importRunId;
    private string? _importName;

    /// <summary>
    /// The first page as read while prerendering, carried into the live page: it neither queries twice nor blanks
    /// the rows someone may already be clicking. Only the first load uses it.
    /// </summary>
    [PersistentState] public Page<LeadRow>? FirstPage { get; set; }

    private bool _loadedOnce;

    protected override async Task OnInitializedAsync()
    {
        var user = (await Auth.GetAuthenticationStateAsync()).User;
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        _canWrite = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Sales);
        _owners = await Owners.AllAsync();
        _lists = await Lists.ListAsync();
        _fieldLabels = (await Fields.ListAsync(FieldRecord.Lead)).ToDictionary(f => f.Key, f => f.Label);
        _columns = _userId is null ? _columns : (await ColumnSettings.GetAsync(_userId)).Columns;
        await ReadAddressAsync(Nav.Uri);
        _error = ImportRunId is { Length: > 0 } && _importRunId is null
            ? "importRunId: the link names no valid import; showing all leads." : _error;
        Nav.LocationChanged += OnLocationChanged;
    }

    // The filters, sort and page size of a link or of Back: shown in the controls and applied.
    private async Task ReadAddressAsync(string uri)
    {
        var (filter, sort, size, error) = await LeadListAddress.ReadAsync(uri, Fields);
        SetFields(filter, sort);
        _pageSize = size;
        _applied = CurrentFilter();
        _trail.Reset();
        ClearSelection();
        await LoadAsync();
        _error ??= error;
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var path = Nav.ToBaseRelativePath(e.Location).Split('?')[0];
        if (path == "leads" && e.Location != _ownAddress)
        {
            _ = InvokeAsync(async () =>
            {
                await ReadAddressAsync(e.Location);
                StateHasChanged();
            });
        }
    }

    // Each applied filter becomes an entry in the history, so Back restores the one before.
    private void Remember()
    {
        var address = Nav.ToAbsoluteUri(LeadListAddress.For(_applied, _sort, _pageSize)).ToString();
        if (address != Nav.Uri)
        {
            _ownAddress = address;
            Nav.NavigateTo(address);
        }
    }

    private async Task SortAsync(string sort)
    {
        _sort = sort;
        await ApplyAsync();
    }

    private async Task PageSizeAsync(int size)
    {
        _pageSize = size;
        await ApplyAsync();
    }

    public void Dispose() => Nav.LocationChanged -= OnLocationChanged;

    // An inline edit keeps the row where it is (even if it no longer matches the filters) until the next read.
    private void RowEdited(LeadRow row)
    {
        LeadRow Fresh(LeadRow r) => r.Id == row.Id ? row : r;
        _page = _page with { Items = [.. _page.Items.Select(Fresh)] };
        _selected = [.. _selected.Select(Fresh)];
    }

    private LeadFilter CurrentFilter() => new()
    {
        Q = _q,
        Status = _status.ToList(),
        Owner = _owner,
        Classification = _classification.ToList(),
        Source = _source.ToList(),
        Segment = _segment.ToList(),
        ScoreMin = _scoreMin,
        ScoreMax = _scoreMax,
        Country = string.IsNullOrWhiteSpace(_country) ? null : _country.Trim().ToUpperInvariant(),
        Tag = string.IsNullOrWhiteSpace(_tag) ? null : _tag,
        IncludeArchived = _archived,
        HasOrders = _hasOrders,
        LastOrderBefore = _lastOrderBefore is { } d ? DateOnly.FromDateTime(d) : null,
        ImportRunId = _importRunId,
        Custom = _custom is null && _moreCustom.Count == 0 ? null
            : [.. _custom is null ? [] : new[] { _custom }, .. _moreCustom],
    };

    private string FilterCount => _chips.Count(c => c.Key != "q") is > 0 and var n ? $" ({n})" : "";

    private void ToggleFilters() => (_filtersOpen, _filtersShown) = (!_filtersOpen, true);

    private async Task RemoveChipAsync(string key)
    {
        SetFields(LeadFilterChips.Without(_applied, key), _sort);
        await ApplyAsync();
    }

    private async Task OnSearchKey(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await ApplyAsync();
        }
    }

    private async Task ApplyAsync()
    {
        _applied = CurrentFilter();
        _trail.Reset();
        ClearSelection();
        Remember();
        await LoadAsync();
    }

    // "Clear all" drops every filter and keeps the sort; the panel's Reset also brings the usual sort back.
    private async Task ClearAllAsync()
    {
        SetFields(LeadFilterChips.Cleared(_applied), _sort);
        _viewId = null;
        await ApplyAsync();
    }

    private async Task ResetAsync()
    {
        _sort = LeadListAddress.DefaultSort;
        await ClearAllAsync();
    }

    private async Task LoadAsync()
    {
        if (_applied.ImportRunId is { } run && _importName is null)
        {
            // The chip names the import by its file.
            _importName = await Imports.FindFileNameAsync(run) ?? run.ToString();
        }
        _chips = LeadFilterChips.For(_applied, id => _owners.FirstOrDefault(o => o.Id == id).Name, _importName,
            key => _fieldLabels.GetValueOrDefault(key));
        _loading = true;
        _error = null;
        var carried = _loadedOnce ? null : FirstPage;
        _loadedOnce = true;
        try
        {
            _page = carried
                ?? await LeadData.ListAsync(_applied, _sort, _pageSize, _trail.Current, Totals.Capped, _userId);
            FirstPage = carried is null ? Prerendered.Carry(_page) : null;
        }
        catch (ValidationFailedException e)
        {
            _error = string.Join(" ", e.Errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}"));
            _page = new([], null, 0);
        }
        _loading = false;
    }

    private async Task NextAsync()
    {
        _trail.Forward(_page.NextCursor);
        _selected = [];
        await LoadAsync();
    }

    private async Task PrevAsync()
    {
        _trail.Back();
        _selected = [];
        await LoadAsync();
    }

    private void ClearSelection()
    {
        _selected = [];
        _allMatching = false;
        _bulkBar?.Reset();
    }

    // A bulk change ran: the selection is gone, list sizes and the leads changed.
    private async Task AfterBulkAsync()
    {
        ClearSelection();
        _lists = await Lists.ListAsync();
        await LoadAsync();
    }

    // A view with columns makes them the user's columns (as opening a view in HubSpot does); an older view keeps them.
    private async Task LoadViewAsync(SavedViewDto view)
    {
        SetFields(view.Filter, view.Sort);
        if (view.Columns is { } columns)
        {
            await ColumnsAsync(columns);
        }
        await ApplyAsync();
    }

    // Shown at once and kept for the user on the server (other browsers, the next visit).
    private async Task ColumnsAsync(List<string> columns)
    {
        _columns = columns;
        await ColumnSettings.SetAsync(_userId!, new LeadColumnsInput([.. columns]));
    }

    // Columns chosen by hand leave the picked view (its filters stay), so picking it again brings its columns back.
    private async Task ChooseColumnsAsync(List<string> columns)
    {
        _viewId = null;
        await ColumnsAsync(columns);
    }

    private async Task DefaultColumnsAsync()
    {
        _viewId = null;
        _columns = (await ColumnSettings.ResetAsync(_userId!)).Columns;
    }

    private void SetFields(LeadFilter f, string? sort)
    {
        (_q, _owner, _country, _tag) = (f.Q, f.Owner, f.Country, f.Tag);
        (_scoreMin, _scoreMax, _archived) = (f.ScoreMin, f.ScoreMax, f.IncludeArchived);
        (_hasOrders, _lastOrderBefore) = (f.HasOrders, f.LastOrderBefore?.ToDateTime(TimeOnly.MinValue));
        (_custom, _moreCustom) = (f.Custom?.FirstOrDefault(), f.Custom?.Skip(1).ToList() ?? []);
        (_status, _classification, _source, _segment) =
            (f.Status ?? [], f.Classification ?? [], f.Source ?? [], f.Segment ?? []);
        _sort = sort ?? LeadListAddress.DefaultSort;
        if (f.ImportRunId != _importRunId)
        {
            _importRunId = f.ImportRunId;
            _importName = null;
        }
    }
}
