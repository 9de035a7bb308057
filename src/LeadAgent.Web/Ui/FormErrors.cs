using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Ui;

/// <summary>
/// Field errors from a service call, for showing next to the inputs; other failures become one message.
/// </summary>
public sealed class FormErrors
{
    private IDictionary<string, string[]> _fields = new Dictionary<string, string[]>();

    public string? General { get; private set; }

    public bool Has(string field) => _fields.ContainsKey(field);

    public string? this[string field] => _fields.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    public IEnumerable<KeyValuePair<string, string[]>> All => _fields;

    public void Fail(string message) => General = message;

    public void Clear()
    {
        _fields = new Dictionary<string, string[]>();
        General = null;
    }

    /// <summary>Runs a save; returns false and keeps the errors when it fails for a reason the user can fix.</summary>
    public async Task<bool> TryAsync(Func<Task> action)
    {
        Clear();
        try
        {
            await action();
            return true;
        }
        catch (ValidationFailedException e)
        {
            _fields = e.Errors;
            General = "Please correct the highlighted fields.";
        }
        catch (DbUpdateConcurrencyException)
        {
            General = "Someone else changed this record meanwhile. Reload it and apply your change again.";
        }
        catch (Exception e) when (e is ConflictException or NotFoundException or ForbiddenException)
        {
            General = e.Message;
        }
        return false;
    }
}
