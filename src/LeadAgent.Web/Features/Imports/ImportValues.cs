using System.Globalization;
using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// Lenient parsing of spreadsheet values: enums, countries, tags (numbers and dates: <see cref="WrittenValues"/>).
/// </summary>
public static class ImportValues
{
    private static readonly Lazy<Dictionary<string, string>> CountryNames = new(() =>
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["UK"] = "GB",
            ["England"] = "GB",
            ["Great Britain"] = "GB",
            ["USA"] = "US",
            ["UAE"] = "AE",
            ["Emirates"] = "AE",
        };
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                var region = new RegionInfo(culture.Name);
                var code = region.TwoLetterISORegionName;
                if (code.Length == 2 && code.All(char.IsAsciiLetterUpper))
                {
                    map.TryAdd(region.TwoLetterISORegionName, region.TwoLetterISORegionName);
                    map.TryAdd(region.ThreeLetterISORegionName, region.TwoLetterISORegionName);
                    map.TryAdd(region.EnglishName, region.TwoLetterISORegionName);
                    map.TryAdd(region.NativeName, region.TwoLetterISORegionName);
                }
            }
            catch (ArgumentException)
            {
                // Cultures without a region.
            }
        }
        return map;
    });

    /// <summary>
    /// Case, spaces, hyphens and underscores ignored: "event agency", "EVENT_AGENCY" → EventAgency.
    /// </summary>
    public static bool TryEnum<T>(string text, out T value) where T : struct, Enum
    {
        return EnumNames<T>.ByName.TryGetValue(Simplify(text), out value);
    }

    /// <summary>The letters and digits of a label, as enum names and synonyms are compared.</summary>
    public static string Simplify(string text) => WrittenValues.Keep(text, char.IsLetterOrDigit);

    // Names are looked up for every cell of an enum column.
    private static class EnumNames<T> where T : struct, Enum
    {
        public static readonly Dictionary<string, T> ByName =
            Enum.GetValues<T>().ToDictionary(v => v.ToString(), v => v, StringComparer.OrdinalIgnoreCase);
    }

    public static string? Country(string text) =>
        CountryNames.Value.TryGetValue(text.Trim().TrimEnd('.'), out var code) ? code : null;

    public static List<string> SplitTags(string? text) => text is null ? []
        : text.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static readonly char[] TagSeparators = [';', ',', '|'];

    /// <summary>Sets a value when it is given and differs; says whether it did.</summary>
    public static bool Set<T>(T current, T? value, Action<T> set)
    {
        if (value is null || EqualityComparer<T>.Default.Equals(current, value))
        {
            return false;
        }
        set(value);
        return true;
    }

    /// <summary>The custom field values with the row's added or replaced, or null when nothing changes.</summary>
    public static Dictionary<string, string>? WithCustom(Dictionary<string, string> current,
        Dictionary<string, string>? values)
    {
        if (values is null || values.All(v => current.GetValueOrDefault(v.Key) == v.Value))
        {
            return null;
        }
        var result = new Dictionary<string, string>(current);
        foreach (var (key, value) in values)
        {
            result[key] = value;
        }
        return result;
    }

    /// <summary>The tags with the new ones added, or null when nothing is new.</summary>
    public static List<string>? WithTags(List<string> tags, IEnumerable<string> add)
    {
        var result = new List<string>(tags);
        foreach (var t in add.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length is > 0 and <= 50))
        {
            if (!result.Contains(t) && result.Count < 50)
            {
                result.Add(t);
            }
        }
        return result.Count == tags.Count ? null : result;
    }
}
