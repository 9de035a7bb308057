using LeadAgent.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace LeadAgent.Web.Features.Leads.Pages.Inline;

/// <summary>
/// A lead list cell that edits one field in place. The change is an ordinary versioned update (logged, seen by the
/// rules); when someone else changed the lead meanwhile nothing is saved and the row shows their version.
/// </summary>
public abstract class LeadCellEditor : ComponentBase
{
    [Inject] protected LeadService Leads { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired] public LeadRow Lead { get; set; } = default!;
    /// <summary>Viewers see the value only.</summary>
    [Parameter] public bool CanWrite { get; set; }
    /// <summary>The row as it is now, after a save or a refused one.</summary>
    [Parameter] public EventCallback<LeadRow> Edited { get; set; }

    protected bool Saving { get; private set; }

    /// <summary>
    /// Counts changes that were not saved. A native control keyed on it is made anew, so it shows the lead's value
    /// again rather than what was picked (the rendered value may not have changed, so nothing else would reset it).
    /// </summary>
    protected int Refusals { get; private set; }

    protected async Task SaveAsync(string what, Func<Task<LeadRow>> save)
    {
        if (Saving)
        {
            // A second pick while the first is saved would go with a stale version; the row shows the first.
            return;
        }
        Saving = true;
        try
        {
            var saved = await save();
            Snackbar.Add($"{saved.Title}: {what}.", Severity.Success);
            await Edited.InvokeAsync(saved);
            return;
        }
        catch (DbUpdateConcurrencyException)
        {
            Snackbar.Add($"Someone else changed {Lead.Title} meanwhile, so this was not saved. The row now shows "
                + "their change.", Severity.Warning);
            await Edited.InvokeAsync(await Leads.GetAsync(Lead.Id));
        }
        catch (ValidationFailedException e)
        {
            Snackbar.Add(string.Join(" ", e.Errors.SelectMany(x => x.Value)), Severity.Warning);
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
        finally
        {
            Saving = false;
        }
        Refusals++;
    }

    /// <summary>The lead as it is, with one field changed: an update replaces every field.</summary>
    protected LeadInput Unchanged() => new()
    {
        Title = Lead.Title,
        CompanyId = Lead.CompanyId,
        PrimaryContactId = Lead.PrimaryContactId,
        Status = Lead.Status,
        OwnerId = Lead.OwnerId,
        Source = Lead.Source,
        ExpectedValue = Lead.ExpectedValue,
        Currency = Lead.Currency,
        NextActionOn = Lead.NextActionOn,
        Tags = Lead.Tags,
        CustomFields = null, // left out: every custom value is kept
        Version = Lead.Version,
    };
}
