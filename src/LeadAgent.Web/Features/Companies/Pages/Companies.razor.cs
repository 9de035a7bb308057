using LeadAgent.Web.Features.Export;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Ui.Shared;
using Microsoft.AspNetCore.Components;

namespace LeadAgent.Web.Features.Companies.Pages;

/// <summary>The company list: search, segment, country, tag and archived filters, sortable columns.</summary>
public sealed partial class Companies
{
    private string? _q, _country, _tag;
    private Segment? _segment;
    private bool _archived, _filtersOpen, _filtersShown;

    [Inject] private CompanyService CompanyData { get; set; } = null!;

    protected override string Path => "/companies";
    protected override string DefaultSort => CompanySorts.Default;
    protected override IReadOnlyCollection<string> SortFields => CompanySorts.Fields;

    // Every company matching the filters in effect, not just this page.
    private string ExportUrl => ExportLink.Build("/api/v1/companies/export", [.. Parameters(Applied)]);

    private static readonly (string, string)[] SortOptions =
    [
        ("name", "Name A–Z"), ("-name", "Name Z–A"), ("country", "Country"), ("segment", "Segment"),
        ("-fit", "Fit, best first"), ("-leads", "Most leads"), ("-createdAt", "Newest"),
        ("-updatedAt", "Recently changed"),
    ];

    private void ToggleFilters() => (_filtersOpen, _filtersShown) = (!_filtersOpen, true);

    protected override CompanyListQuery Read(ListAddress address) => new()
    {
        Q = address.Text("q"),
        Segment = address.Choice<Segment>("segment"),
        Country = address.Text("country")?.ToUpperInvariant(),
        Tag = address.Text("tag"),
        IncludeArchived = address.Flag("includeArchived") == true ? true : null,
    };

    protected override IEnumerable<(string Name, string? Value)> Parameters(CompanyListQuery filter) =>
    [
        ("q", filter.Q),
        ("segment", filter.Segment?.ToString()),
        ("country", filter.Country),
        ("tag", filter.Tag),
        ("includeArchived", filter.IncludeArchived == true ? "true" : null),
    ];

    protected override CompanyListQuery Current() => new()
    {
        Q = string.IsNullOrWhiteSpace(_q) ? null : _q.Trim(),
        Segment = _segment,
        Country = string.IsNullOrWhiteSpace(_country) ? null : _country.Trim().ToUpperInvariant(),
        Tag = string.IsNullOrWhiteSpace(_tag) ? null : _tag.Trim(),
        IncludeArchived = _archived ? true : null,
    };

    protected override void Show(CompanyListQuery filter)
    {
        (_q, _segment, _country, _tag) = (filter.Q, filter.Segment, filter.Country, filter.Tag);
        _archived = filter.IncludeArchived == true;
    }

    protected override List<FilterChip> ChipsOf(CompanyListQuery filter) =>
    [
        .. FilterChip.When("q", "Search", filter.Q is { } q ? $"“{q}”" : null),
        .. FilterChip.When("segment", "Segment", filter.Segment is { } s ? SegmentLabels.Of(s) ?? "Unknown" : null),
        .. FilterChip.When("country", "Country", filter.Country),
        .. FilterChip.When("tag", "Tag", filter.Tag),
        .. FilterChip.When("includeArchived", "Archived included", filter.IncludeArchived == true),
    ];

    protected override CompanyListQuery Without(CompanyListQuery filter, string key) => key switch
    {
        "q" => filter with { Q = null },
        "segment" => filter with { Segment = null },
        "country" => filter with { Country = null },
        "tag" => filter with { Tag = null },
        "includeArchived" => filter with { IncludeArchived = null },
        _ => filter,
    };

    protected override Task<Page<CompanyRow>> FetchAsync(CompanyListQuery filter, string sort, int pageSize,
        string? cursor) => CompanyData.ListAsync(filter with { Sort = sort, Limit = pageSize, Cursor = cursor });
}
