using System.Globalization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Leads.Pages;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Ui.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace LeadAgent.Web.Features.Pipeline.Pages;

public sealed partial class PipelineBoardPage
{
    [Inject] private PipelineService Pipeline { get; set; } = null!;
    [Inject] private NavigationManager Nav { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private AuthenticationStateProvider Auth { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "owner")] public string? Owner { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? Q { get; set; }
    [SupplyParameterFromQuery(Name = "tag")] public string? Tag { get; set; }

    private PipelineBoard? _board;
    private readonly List<PipelineCard> _cards = [];
    private MudDropContainer<PipelineCard>? _drop;
    private bool _canWrite;
    private string? _userId;

    /// <summary>An amount with its currency, as people write it (1,500 EUR).</summary>
    public static string Money(decimal value, string currency) => value.ToString(
        value == decimal.Truncate(value) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture) + " " + currency;

    protected override async Task OnInitializedAsync()
    {
        var user = (await Auth.GetAuthenticationStateAsync()).User;
        _canWrite = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Sales);
        _userId = user.UserId();
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private LeadFilter Filter()
    {
        var filter = new LeadListQuery { Owner = Owner, Q = Q, Tag = Tag }.ToFilter(new Errors());
        return filter;
    }

    private async Task LoadAsync()
    {
        try
        {
            _board = await Pipeline.GetAsync(Filter(), _userId);
        }
        catch (ValidationFailedException)
        {
            Snackbar.Add("Parts of this link could not be read and were left out.", Severity.Warning);
            _board = await Pipeline.GetAsync(new LeadFilter(), _userId);
        }
        // The same list instance: the drop container re-reads it on Refresh, before this page renders again.
        _cards.Clear();
        _cards.AddRange(_board.Columns.SelectMany(c => c.Cards));
        _drop?.Refresh();
    }

    /// <summary>The lead list with the board's filters, for one status or all.</summary>
    private string ListLink(LeadStatus? status) => LeadListAddress.For(
        Filter() with { Status = status is { } s ? [s] : null }, LeadListAddress.DefaultSort,
        ListAddress.DefaultPageSize);

    private void Go(string? owner, string? q) => Nav.NavigateTo(Nav.GetUriWithQueryParameters(
        new Dictionary<string, object?> { ["owner"] = owner, ["q"] = string.IsNullOrWhiteSpace(q) ? null : q }));

    private Task MineAsync(bool mine)
    {
        Go(mine ? "me" : null, Q);
        return Task.CompletedTask;
    }

    private Task SearchAsync(string? q)
    {
        Go(Owner, q);
        return Task.CompletedTask;
    }

    private async Task DroppedAsync(MudItemDropInfo<PipelineCard> drop)
    {
        if (drop.Item is { } card && Enum.TryParse<LeadStatus>(drop.DropzoneIdentifier, out var status)
            && status != card.Status)
        {
            await MoveAsync((card, status));
        }
    }

    private async Task MoveAsync((PipelineCard Card, LeadStatus Status) move)
    {
        var (card, status) = move;
        try
        {
            await Pipeline.MoveAsync(new PipelineMove(card.Id, status, card.Version));
            Snackbar.Add($"{card.Title} moved to {status}.", Severity.Success);
        }
        catch (DbUpdateConcurrencyException)
        {
            Snackbar.Add($"Someone else changed {card.Title} meanwhile, so it was not moved. The board now shows "
                + "their change; move it again if you still want to.", Severity.Warning);
        }
        catch (Exception e) when (e is ValidationFailedException or NotFoundException or ForbiddenException)
        {
            Snackbar.Add(e is ValidationFailedException ? "This move is not allowed." : e.Message, Severity.Warning);
        }
        // The card's place, the counts and the totals come from the database either way.
        await LoadAsync();
    }
}
