using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Features.Export;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Ui.Shared;
using Microsoft.AspNetCore.Components;

namespace LeadAgent.Web.Features.Contacts.Pages;

/// <summary>The contact list: search and archived filters, sortable columns.</summary>
public sealed partial class Contacts
{
    private string? _q;
    private bool _archived;

    [Inject] private ContactService ContactData { get; set; } = null!;

    protected override string Path => "/contacts";
    protected override string DefaultSort => ContactSorts.Default;
    protected override IReadOnlyCollection<string> SortFields => ContactSorts.Fields;

    // Every contact matching the filters in effect, not just this page.
    private string ExportUrl => ExportLink.Build("/api/v1/contacts/export", [.. Parameters(Applied)]);

    private static readonly (string, string)[] SortOptions =
    [
        ("name", "Name A–Z"), ("-name", "Name Z–A"), ("company", "Company"), ("email", "E-mail"),
        ("-createdAt", "Newest"), ("-updatedAt", "Recently changed"),
    ];

    private async Task ArchivedAsync(bool on)
    {
        _archived = on;
        await ApplyAsync();
    }

    protected override ContactListQuery Read(ListAddress address) => new()
    {
        Q = address.Text("q"),
        IncludeArchived = address.Flag("includeArchived") == true ? true : null,
    };

    protected override IEnumerable<(string Name, string? Value)> Parameters(ContactListQuery filter) =>
        [("q", filter.Q), ("includeArchived", filter.IncludeArchived == true ? "true" : null)];

    protected override ContactListQuery Current() => new()
    {
        Q = string.IsNullOrWhiteSpace(_q) ? null : _q.Trim(),
        IncludeArchived = _archived ? true : null,
    };

    protected override void Show(ContactListQuery filter) =>
        (_q, _archived) = (filter.Q, filter.IncludeArchived == true);

    protected override List<FilterChip> ChipsOf(ContactListQuery filter) =>
    [
        .. FilterChip.When("q", "Search", filter.Q is { } q ? $"“{q}”" : null),
        .. FilterChip.When("includeArchived", "Archived included", filter.IncludeArchived == true),
    ];

    protected override ContactListQuery Without(ContactListQuery filter, string key) => key switch
    {
        "q" => filter with { Q = null },
        "includeArchived" => filter with { IncludeArchived = null },
        _ => filter,
    };

    protected override Task<Page<ContactRow>> FetchAsync(ContactListQuery filter, string sort, int pageSize,
        string? cursor) => ContactData.ListAsync(filter with { Sort = sort, Limit = pageSize, Cursor = cursor });

    // The e-mail the "E-mail" column sorts by: the primary one, else the first by address.
    private static string? Email(ContactRow contact) => contact.Identities
        .Where(i => i.Kind == IdentityKind.Email)
        .OrderByDescending(i => i.IsPrimary).ThenBy(i => i.Value, StringComparer.Ordinal)
        .Select(i => i.Value).FirstOrDefault();

    // The other ways to reach the contact; phone numbers formatted, the rest as stored.
    private static string Handles(ContactRow contact)
    {
        var email = Email(contact);
        return string.Join(" · ", contact.Identities
            .Where(i => i.Kind != IdentityKind.Email || i.Value != email)
            .Select(i => i.Kind is IdentityKind.Phone or IdentityKind.WhatsApp
                ? ContactPoints.FormatPhone(i.Value) : i.Value));
    }
}
