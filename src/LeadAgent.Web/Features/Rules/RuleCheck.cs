using System.Globalization;
using LeadAgent.Web.Features.Qualification.Facts;

namespace LeadAgent.Web.Features.Rules;

/// <summary>A validated condition, ready to test leads; an any-of group holds its members.</summary>
public sealed record RuleCheck(RuleField? Field, RuleOp Op, decimal Number = 0, string? Text = null,
    IReadOnlySet<string>? Set = null, IReadOnlyList<RuleCheck>? Any = null)
{
    /// <summary>All checks hold for the lead at <paramref name="now"/> (UTC).</summary>
    public static bool All(IReadOnlyList<RuleCheck> checks, LeadFacts lead, DateTime now)
    {
        foreach (var check in checks)
        {
            if (!check.Holds(lead, now))
            {
                return false;
            }
        }
        return true;
    }

    public bool Holds(LeadFacts lead, DateTime now)
    {
        if (Any is not null)
        {
            return Any.Any(c => c.Holds(lead, now));
        }
        var value = Field!.Read(lead, now);
        return Op switch
        {
            RuleOp.IsEmpty => IsEmpty(value),
            RuleOp.IsSet => !IsEmpty(value),
            RuleOp.Neq => !Equal(value),
            RuleOp.NotIn => !In(value),
            RuleOp.Eq => Equal(value),
            RuleOp.In => In(value),
            RuleOp.Gte => ToNumber(value) is { } n && n >= Number,
            RuleOp.Lte => ToNumber(value) is { } n && n <= Number,
            RuleOp.Contains => value switch
            {
                IReadOnlyList<string> tags => tags.Contains(Text!, StringComparer.OrdinalIgnoreCase),
                string s => s.Contains(Text!, StringComparison.OrdinalIgnoreCase),
                _ => false,
            },
            RuleOp.OlderThan => ToAge(value) is { } age && age > (double)Number,
            RuleOp.Within => ToAge(value) is { } age && age <= (double)Number,
            _ => false,
        };
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IReadOnlyList<string> list => list.Count == 0,
        _ => false,
    };

    private bool Equal(object? value) => value switch
    {
        null => false,
        string s when Set is not null => Set.Contains(s),
        string s => string.Equals(s, Text, StringComparison.OrdinalIgnoreCase),
        _ => ToNumber(value) == Number,
    };

    private bool In(object? value) => value switch
    {
        null => false,
        IReadOnlyList<string> tags => tags.Any(Set!.Contains),
        string s => Set!.Contains(s),
        _ => false,
    };

    private static decimal? ToNumber(object? value) => value switch
    {
        decimal d => d,
        int i => i,
        double x => (decimal)x,
        _ => null,
    };

    private static double? ToAge(object? value) => value switch
    {
        double d => d,
        int i => i,
        _ => null,
    };

    /// <summary>How people read it: "company.country in DE, AT, CH".</summary>
    public override string ToString() => Any is not null
        ? "any of (" + string.Join("; ", Any) + ")"
        : $"{Field!.Label} {RuleFields.Symbol(Op)}" + (Op is RuleOp.IsEmpty or RuleOp.IsSet ? ""
            : " " + (Set is not null ? string.Join(", ", Set.Order())
                : Text ?? Number.ToString(CultureInfo.InvariantCulture)));
}
