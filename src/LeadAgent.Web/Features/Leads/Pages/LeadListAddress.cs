using System.Globalization;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Export;
using LeadAgent.Web.Features.Leads.Export;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Ui.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace LeadAgent.Web.Features.Leads.Pages;

/// <summary>
/// The lead list's filters, sort and page size as the page's address, in the API's parameter names: a view can be
/// shared as a link, and Back brings the previous filters back.
/// </summary>
public static class LeadListAddress
{
    public const string DefaultSort = "-score";

    public static string For(LeadFilter filter, string sort, int pageSize) => ExportLink.Build("/leads",
    [
        .. LeadExportLink.Parameters(filter),
        ("sort", sort == DefaultSort ? null : sort),
        ("limit", pageSize == ListAddress.DefaultPageSize ? null : pageSize.ToString(CultureInfo.InvariantCulture)),
    ]);

    /// <summary>What the address asks for; a value that cannot be read is left out and named in the error.</summary>
    public static async Task<(LeadFilter Filter, string Sort, int PageSize, string? Error)> ReadAsync(
        string uri, CustomFieldService fields)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Text(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v[0] : null;
        var errors = new Errors();
        T? Read<T>(string name, Func<string, (bool, T)> parse) where T : struct
        {
            if (Text(name) is not { } text)
            {
                return null;
            }
            var (ok, value) = parse(text);
            if (!ok)
            {
                errors.Add(name, $"'{text}' cannot be read here.");
            }
            return ok ? value : null;
        }
        var list = new LeadListQuery
        {
            Q = Text("q"),
            Status = Text("status"),
            Owner = Text("owner"),
            Source = Text("source"),
            Classification = Text("classification"),
            Segment = Text("segment"),
            Country = Text("country"),
            Tag = Text("tag"),
            ScoreMin = Read("scoreMin", t => (int.TryParse(t, CultureInfo.InvariantCulture, out var i), i)),
            ScoreMax = Read("scoreMax", t => (int.TryParse(t, CultureInfo.InvariantCulture, out var i), i)),
            HasOrders = Read("hasOrders", t => (bool.TryParse(t, out var b), b)),
            IncludeArchived = Read("includeArchived", t => (bool.TryParse(t, out var b), b)),
            ImportRunId = Read("importRunId", t => (Guid.TryParse(t, out var g), g)),
            LastOrderBefore = Read("lastOrderBefore",
                t => (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                    out var d), d)),
        };
        var filter = list.ToFilter(errors);
        try
        {
            filter = filter with
            {
                Custom = await fields.ConditionsAsync(FieldRecord.Lead, new QueryCollection(query), default),
            };
        }
        catch (ValidationFailedException)
        {
            errors.Add("cf", "A custom field condition cannot be read here.");
        }
        var sort = Text("sort") ?? DefaultSort;
        var sortErrors = new Errors();
        LeadSort.Parse(sort, sortErrors);
        if (sortErrors.Any)
        {
            errors.Add("sort", $"'{sort}' is not a sort order here.");
            sort = DefaultSort;
        }
        var size = Read("limit", t => (int.TryParse(t, CultureInfo.InvariantCulture, out var i), i))
            ?? ListAddress.DefaultPageSize;
        var error = errors.Any ? "Parts of this link could not be read and were left out." : null;
        return (filter, sort, ListAddress.PageSizes.Contains(size) ? size : ListAddress.DefaultPageSize, error);
    }
}
