using System.Globalization;
using System.Text.Json;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Infrastructure.Api;

namespace LeadAgent.Web.Features.Rules;

/// <summary>
/// Checks conditions as sent (field known, operator fits its type, value of the right kind) and turns them into
/// <see cref="RuleCheck"/>s; every problem is a field error such as <c>conditions[1].value</c>.
/// </summary>
public static class RuleConditions
{
    public const int MaxConditions = 20, MaxValues = 200, TextMax = 200, DaysMax = 36_500;

    public static List<RuleCheck> Compile(IReadOnlyList<RuleCondition>? conditions, Errors errors)
    {
        var checks = new List<RuleCheck>();
        if (conditions is null || conditions.Count == 0)
        {
            errors.Add("conditions", "Give at least one condition (a rule for every lead is a bulk edit).");
            return checks;
        }
        if (conditions.Count > MaxConditions)
        {
            errors.Add("conditions", $"At most {MaxConditions} conditions.");
            return checks;
        }
        for (var i = 0; i < conditions.Count; i++)
        {
            var path = $"conditions[{i}]";
            var c = conditions[i];
            if (c is null)
            {
                errors.Add(path, "Required.");
            }
            else if (c.Any is { } any)
            {
                if (any.Count is 0 or > MaxConditions)
                {
                    errors.Add(path + ".any", $"Give between 1 and {MaxConditions} conditions.");
                    continue;
                }
                var members = new List<RuleCheck>();
                for (var j = 0; j < any.Count; j++)
                {
                    var member = any[j];
                    if (member?.Any is not null)
                    {
                        errors.Add($"{path}.any[{j}]", "Groups cannot be nested.");
                    }
                    else if (One(member, $"{path}.any[{j}]", errors) is { } check)
                    {
                        members.Add(check);
                    }
                }
                checks.Add(new RuleCheck(null, RuleOp.Eq, Any: members));
            }
            else if (One(c, path, errors) is { } check)
            {
                checks.Add(check);
            }
        }
        return checks;
    }

    private static RuleCheck? One(RuleCondition? c, string path, Errors errors)
    {
        if (c is null)
        {
            errors.Add(path, "Required.");
            return null;
        }
        var field = RuleFields.Find(c.Field);
        if (field is null)
        {
            errors.Add(path + ".field", string.IsNullOrWhiteSpace(c.Field) ? "Required."
                : $"Unknown field '{Cut(c.Field)}'. Known: {string.Join(", ", RuleFields.All.Select(f => f.Name))}.");
            return null;
        }
        if (RuleFields.ParseOp(c.Op) is not { } op || !field.Ops.Contains(op))
        {
            errors.Add(path + ".op", $"{field.Label} takes: {string.Join(", ", field.Ops.Select(RuleFields.Name))}.");
            return null;
        }
        var valuePath = path + ".value";
        if (op is RuleOp.IsEmpty or RuleOp.IsSet)
        {
            return new RuleCheck(field, op);
        }
        if (op is RuleOp.OlderThan or RuleOp.Within)
        {
            return Number(c.Value) is { } days && days >= 0 && days <= DaysMax && days == decimal.Truncate(days)
                ? new RuleCheck(field, op, days)
                : Fail(errors, valuePath, $"Must be a whole number of days from 0 to {DaysMax}.");
        }
        if (field.Type == RuleFieldType.Number)
        {
            return Number(c.Value) is { } n
                ? new RuleCheck(field, op, n) : Fail(errors, valuePath, "Must be a number.");
        }
        var list = op is RuleOp.In or RuleOp.NotIn || field.Type == RuleFieldType.Country;
        var values = Strings(c.Value, list);
        if (values.Count == 0)
        {
            return Fail(errors, valuePath, list ? "Give at least one value." : "Required.");
        }
        if (values.Count > MaxValues || values.Any(v => v.Length > TextMax || v.Any(char.IsControl)))
        {
            return Fail(errors, valuePath, $"At most {MaxValues} values of at most {TextMax} printable characters.");
        }
        if (!list && values.Count > 1 && field.Type != RuleFieldType.Text)
        {
            return Fail(errors, valuePath, "Give one value (use 'in' for several).");
        }
        switch (field.Type)
        {
            case RuleFieldType.Choice:
                var unknown = values.Where(v => !field.Choices!.Contains(v, StringComparer.OrdinalIgnoreCase)).ToList();
                if (unknown.Count > 0)
                {
                    return Fail(errors, valuePath,
                        $"'{Cut(unknown[0])}' is not one of: {string.Join(", ", field.Choices!)}.");
                }
                values = values.Select(v => field.Choices!.First(x => x.Equals(v, StringComparison.OrdinalIgnoreCase)))
                    .ToList();
                break;
            case RuleFieldType.Country:
                var codes = new List<string>();
                foreach (var v in values)
                {
                    if (RuleFields.Regions.TryGetValue(v, out var region))
                    {
                        codes.AddRange(region);
                    }
                    else if (v.Length == 2 && v.All(char.IsAsciiLetter))
                    {
                        codes.Add(v.ToUpperInvariant());
                    }
                    else
                    {
                        return Fail(errors, valuePath, $"'{Cut(v)}' is neither a two-letter country code nor a region "
                            + $"({string.Join(", ", RuleFields.Regions.Keys)}).");
                    }
                }
                values = codes;
                break;
            case RuleFieldType.Tags:
                values = Tags.Normalize(values, errors, valuePath);
                break;
        }
        var set = new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
        return list || field.Type == RuleFieldType.User
            ? new RuleCheck(field, op, Set: set)
            : new RuleCheck(field, op, Text: string.Join(",", values));
    }

    /// <summary>The user ids the conditions name (to check they exist).</summary>
    public static IEnumerable<(string Path, string UserId)> Users(IReadOnlyList<RuleCondition>? conditions)
    {
        for (var i = 0; i < (conditions?.Count ?? 0); i++)
        {
            var c = conditions![i];
            IEnumerable<(RuleCondition? M, string Path)> members = c?.Any is { } any
                ? any.Select((m, j) => ((RuleCondition?)m, $"conditions[{i}].any[{j}]"))
                : [(c, $"conditions[{i}]")];
            foreach (var (m, path) in members)
            {
                if (RuleFields.Find(m?.Field)?.Type == RuleFieldType.User
                    && RuleFields.ParseOp(m!.Op) is not (RuleOp.IsEmpty or RuleOp.IsSet))
                {
                    foreach (var id in Strings(m.Value, true))
                    {
                        yield return (path + ".value", id);
                    }
                }
            }
        }
    }

    private static RuleCheck? Fail(Errors errors, string path, string message)
    {
        errors.Add(path, message);
        return null;
    }

    private static decimal? Number(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Number } v when v.TryGetDecimal(out var d) => d,
        { ValueKind: JsonValueKind.String } v when decimal.TryParse(v.GetString()?.Trim(), NumberStyles.Number,
            CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    // A list from an array or comma-separated text; a single value from a string or number.
    private static List<string> Strings(JsonElement? value, bool list)
    {
        IEnumerable<string?> raw = value switch
        {
            { ValueKind: JsonValueKind.Array } v => v.EnumerateArray().Select(Scalar),
            { ValueKind: JsonValueKind.String } v when list => (v.GetString() ?? "").Split(','),
            { } v => [Scalar(v)],
            null => [],
        };
        return raw.Select(s => s?.Trim()).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct().ToList();
    }

    private static string? Scalar(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        _ => null,
    };

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
