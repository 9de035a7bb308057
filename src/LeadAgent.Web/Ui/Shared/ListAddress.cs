using System.Globalization;
using LeadAgent.Web.Features.Export;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace LeadAgent.Web.Ui.Shared;

/// <summary>
/// A list page's filters, sort and page size as its address, in the API's parameter names. Reading a link (or Back)
/// leaves out what cannot be read and names it in <see cref="Error"/>: a mangled link shows the list with a message.
/// </summary>
public sealed class ListAddress(string uri)
{
    /// <summary>HubSpot's default. Fewer rows make a first page live sooner (measured in the UI bench).</summary>
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [25, 50, 100, 200];

    private readonly Dictionary<string, StringValues> _query = QueryHelpers.ParseQuery(new Uri(uri).Query);
    private readonly List<string> _unread = [];

    /// <summary>A list's address: its filters (blank ones left out), then sort and page size unless usual.</summary>
    public static string For(string path, IEnumerable<(string Name, string? Value)> filters, string sort,
        string defaultSort, int pageSize) => ExportLink.Build(path,
    [
        .. filters,
        ("sort", sort == defaultSort ? null : sort),
        ("limit", pageSize == DefaultPageSize ? null : pageSize.ToString(CultureInfo.InvariantCulture)),
    ]);

    public string? Error => _unread.Count == 0 ? null
        : $"Parts of this link could not be read and were left out ({string.Join(", ", _unread)}).";

    public string? Text(string name) =>
        _query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v[0]!.Trim() : null;

    /// <summary>"true" or "false"; anything else is left out.</summary>
    public bool? Flag(string name) => Read(name, t => (bool.TryParse(t, out var b), (bool?)b));

    /// <summary>One of the enum's names (any case).</summary>
    public TEnum? Choice<TEnum>(string name) where TEnum : struct, Enum =>
        Read(name, t => (Enum.TryParse<TEnum>(t, true, out var e) && !int.TryParse(t, out _), (TEnum?)e));

    /// <summary>A sort of one of these columns, "-" for descending.</summary>
    public string Sort(IReadOnlyCollection<string> fields, string defaultSort) =>
        Read("sort", t => (fields.Contains(t.TrimStart('-')), t)) is { } sort ? sort : defaultSort;

    /// <summary>One of <see cref="PageSizes"/>.</summary>
    public int PageSize()
    {
        var size = Read("limit", t => (int.TryParse(t, CultureInfo.InvariantCulture, out var n), (int?)n));
        if (size is { } n && !PageSizes.Contains(n))
        {
            _unread.Add("limit");
        }
        return size is { } s && PageSizes.Contains(s) ? s : DefaultPageSize;
    }

    private T? Read<T>(string name, Func<string, (bool Ok, T Value)> parse)
    {
        if (Text(name) is not { } text)
        {
            return default;
        }
        var (ok, value) = parse(text);
        if (!ok)
        {
            _unread.Add(name);
        }
        return ok ? value : default;
    }
}
