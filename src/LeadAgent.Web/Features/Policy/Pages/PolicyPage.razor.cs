using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Ui;
using MudBlazor;

namespace LeadAgent.Web.Features.Policy.Pages;

public sealed partial class PolicyPage
{
    private static readonly (string Value, string Label)[] Kinds =
    [
        ("domain", "Domain"), ("emaildomain", "E-mail domain"), ("email", "E-mail address"), ("phone", "Phone"),
        ("keyword", "Keyword"), ("company", "Company (id)"), ("contact", "Contact (id)"),
    ];

    private List<PolicyEntryDto> _entries = [];
    private readonly FormErrors _errors = new();
    private Form _input = new();
    private string _list = "", _kind = "", _q = "";
    private bool _canWrite, _isAdmin;

    private sealed class Form
    {
        public string List { get; set; } = "block";
        public string Kind { get; set; } = "domain";
        public string? Value { get; set; }
        public string? Reason { get; set; }
    }

    private string ValueLabel => _input.Kind switch
    {
        "domain" or "emaildomain" => "Domain, e.g. example.de",
        "email" => "E-mail address",
        "phone" => "Phone with country code",
        "keyword" => "Word or phrase",
        _ => "Id of the record",
    };

    protected override async Task OnInitializedAsync()
    {
        var user = (await Auth.GetAuthenticationStateAsync()).User;
        _isAdmin = user.IsInRole(Roles.Admin);
        _canWrite = _isAdmin || user.IsInRole(Roles.Sales);
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        _entries = await PolicyData.ListAsync(new PolicyQuery(NullIfEmpty(_list), NullIfEmpty(_kind), NullIfEmpty(_q)));

    private async Task FilterAsync(Action set)
    {
        set();
        await LoadAsync();
    }

    private async Task AddAsync()
    {
        var input = new PolicyInput
        {
            List = _input.List,
            Kind = _input.Kind,
            Value = _input.Value,
            Reason = _input.Reason,
        };
        if (await _errors.TryAsync(() => PolicyData.AddAsync(input)))
        {
            Snackbar.Add("Added.", Severity.Success);
            _input = new Form { List = _input.List, Kind = _input.Kind };
            await LoadAsync();
        }
        else
        {
            Snackbar.Add(_errors.General ?? "Not added.", Severity.Warning);
        }
    }

    private async Task RemoveAsync(PolicyEntryDto entry)
    {
        try
        {
            await PolicyData.RemoveAsync(entry.Id);
            Snackbar.Add($"Removed {entry.Display}.", Severity.Success);
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException or NotFoundException)
        {
            Snackbar.Add(e.Message, Severity.Warning);
        }
        await LoadAsync();
    }

    private static string? RecordLink(PolicyEntryDto e) => e.Kind switch
    {
        PolicyKind.Company => $"/companies/{e.Value}",
        PolicyKind.Contact => $"/contacts/{e.Value}",
        _ => null,
    };

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
