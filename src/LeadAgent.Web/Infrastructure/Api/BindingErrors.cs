using System.Text.RegularExpressions;

namespace LeadAgent.Web.Infrastructure.Api;

/// <summary>
/// Turns the framework's parameter binding failures (a query value that is not a GUID, a number or a date, a missing
/// required parameter) into field errors named like the API's parameters, instead of a bare "Bad request".
/// </summary>
internal static partial class BindingErrors
{
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+?) (?<name>[^"\s]+)" from "(?<value>.*)"\.$""",
        RegexOptions.Singleline)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]+?) (?<name>[^"\s]+)" was not provided""")]
    private static partial Regex Missing();

    /// <summary>The field errors in the message, or null when it is not about one parameter.</summary>
    public static Dictionary<string, string[]>? From(string message)
    {
        if (FailedToBind().Match(message) is { Success: true } bind)
        {
            return new()
            {
                [Field(bind.Groups["name"].Value)] = [Expected(bind.Groups["type"].Value, bind.Groups["value"].Value)],
            };
        }
        if (Missing().Match(message) is { Success: true } missing)
        {
            return new() { [Field(missing.Groups["name"].Value)] = ["Required."] };
        }
        return null;
    }

    // Property names of [AsParameters] types are PascalCase; the API's query parameters are camelCase.
    private static string Field(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static string Expected(string type, string value)
    {
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        var bare = type.TrimEnd('?').Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>');
        return bare switch
        {
            "Guid" => $"'{shown}' is not an id (a GUID such as 0198c3a4-…).",
            "int" or "Int32" or "long" or "Int64" => $"'{shown}' is not a whole number in range.",
            "decimal" or "Decimal" or "double" or "Double" => $"'{shown}' is not a number.",
            "DateOnly" => $"'{shown}' is not a date (yyyy-mm-dd).",
            "DateTime" or "DateTimeOffset" => $"'{shown}' is not a date and time (ISO 8601).",
            "bool" or "Boolean" => $"'{shown}' is not true or false.",
            _ => $"'{shown}' is not one of the allowed values.",
        };
    }
}
