using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Inbox.Conversations;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification.Facts;

namespace LeadAgent.Web.Features.Rules;

/// <summary>
/// The operators, as written in JSON: eq, neq, in, notIn, gte, lte, contains, isEmpty, isSet, olderThan, within.
/// </summary>
public enum RuleOp { Eq, Neq, In, NotIn, Gte, Lte, Contains, IsEmpty, IsSet, OlderThan, Within }

/// <summary>
/// Value kinds: a choice among names (enum), free text, a number, a tag list, the age of a date in days, a user id,
/// a country code (or a named region such as DACH).
/// </summary>
public enum RuleFieldType { Choice, Text, Number, Tags, Age, User, Country }

/// <summary>A field a condition can test, with how to read it from <see cref="LeadFacts"/> at a moment.</summary>
public sealed record RuleField(string Name, string Label, RuleFieldType Type, bool Nullable,
    Func<LeadFacts, DateTime, object?> Read, IReadOnlyList<string>? Choices = null)
{
    public IReadOnlyList<RuleOp> Ops { get; } = OpsFor(Type, Nullable);

    private static RuleOp[] OpsFor(RuleFieldType type, bool nullable)
    {
        RuleOp[] ops = type switch
        {
            RuleFieldType.Choice or RuleFieldType.User or RuleFieldType.Country =>
                [RuleOp.Eq, RuleOp.Neq, RuleOp.In, RuleOp.NotIn],
            RuleFieldType.Text => [RuleOp.Eq, RuleOp.Neq, RuleOp.In, RuleOp.NotIn, RuleOp.Contains],
            RuleFieldType.Number => [RuleOp.Eq, RuleOp.Neq, RuleOp.Gte, RuleOp.Lte],
            RuleFieldType.Tags => [RuleOp.Contains, RuleOp.In, RuleOp.NotIn],
            _ => [RuleOp.OlderThan, RuleOp.Within],
        };
        return nullable || type == RuleFieldType.Tags ? [.. ops, RuleOp.IsEmpty, RuleOp.IsSet] : ops;
    }
}

/// <summary>
/// Every field a rule can test (lead, company, contact, conversation, score). Null values: comparisons (=, ≥, ≤, in,
/// contains, older than, within) do not hold, negations (≠, not in) do; "is empty" tests for them.
/// </summary>
public static class RuleFields
{
    /// <summary>Named regions usable wherever countries are listed.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Regions =
        new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase) { ["DACH"] = ["DE", "AT", "CH"] };

    public static readonly IReadOnlyList<RuleField> All =
    [
        Choice<LeadStatus>("lead.status", "Lead status", false, (f, _) => f.Status),
        new("lead.owner", "Lead owner", RuleFieldType.User, true, (f, _) => f.OwnerId),
        Choice<LeadSource>("lead.source", "Lead source", false, (f, _) => f.Source),
        new("lead.tags", "Lead tags", RuleFieldType.Tags, false, (f, _) => f.Tags),
        new("lead.title", "Lead title", RuleFieldType.Text, false, (f, _) => f.Title),
        new("lead.expectedValue", "Expected value", RuleFieldType.Number, true, (f, _) => f.ExpectedValue),
        new("lead.currency", "Currency", RuleFieldType.Text, false, (f, _) => f.Currency),
        new("lead.score", "Score", RuleFieldType.Number, true, (f, _) => (decimal?)f.Score),
        Choice<Classification>("lead.band", "Score band", true, (f, _) => f.Band),
        new("lead.createdAt", "Lead created", RuleFieldType.Age, false, (f, now) => Age(f.CreatedAt, now)),
        new("lead.statusChangedAt", "Status changed", RuleFieldType.Age, false,
            (f, now) => Age(f.StatusChangedAt, now)),
        Choice<Segment>("company.segment", "Company segment", false, (f, _) => f.Company.Segment),
        new("company.country", "Company country", RuleFieldType.Country, true, (f, _) => f.Company.Country),
        Choice<SizeBand>("company.size", "Company size band", false, (f, _) => f.Company.Size),
        new("company.industry", "Company industry", RuleFieldType.Text, true, (f, _) => f.Company.Industry),
        new("company.tags", "Company tags", RuleFieldType.Tags, false, (f, _) => f.Company.Tags),
        new("company.fitScore", "Fit score", RuleFieldType.Number, true, (f, _) => (decimal?)f.Company.FitScore),
        new("company.orderCount", "Order count", RuleFieldType.Number, false,
            (f, _) => (decimal?)f.Company.OrderCount),
        new("company.orderTotal", "Order total", RuleFieldType.Number, false, (f, _) => (decimal?)f.Company.OrderTotal),
        new("company.lastOrderOn", "Last order", RuleFieldType.Age, true,
            (f, now) => f.Company.LastOrderOn is { } d ? DateOnly.FromDateTime(now).DayNumber - d.DayNumber : null),
        new("company.potential", "Order potential", RuleFieldType.Number, true, (f, _) => f.Company.PotentialExpected),
        new("company.contactCount", "Contacts at the company", RuleFieldType.Number, false,
            (f, _) => (decimal?)f.Company.ContactCount),
        new("contact.name", "Primary contact", RuleFieldType.Text, true, (f, _) => f.Contact?.Name),
        new("contact.email", "Contact e-mail", RuleFieldType.Text, true, (f, _) => f.Contact?.Email),
        new("contact.phone", "Contact phone", RuleFieldType.Text, true, (f, _) => f.Contact?.Phone),
        new("conversation.awaitingReplyHours", "Awaiting our reply (hours)", RuleFieldType.Number, true,
            (f, now) => Elapsed(f.Engagement.AwaitingReplySince, now, TimeSpan.FromHours(1))),
        new("conversation.quietDays", "Quiet since our message (days)", RuleFieldType.Number, true,
            (f, now) => Elapsed(f.Engagement.QuietSince, now, TimeSpan.FromDays(1))),
        new("conversation.inbound", "Inbound messages", RuleFieldType.Number, false,
            (f, _) => (decimal?)f.Engagement.Inbound),
        new("conversation.outbound", "Outbound messages", RuleFieldType.Number, false,
            (f, _) => (decimal?)f.Engagement.Outbound),
        new("conversation.lastInboundAt", "Last inbound message", RuleFieldType.Age, true,
            (f, now) => f.Engagement.LastInboundAt is { } at ? Age(at, now) : null),
        Choice<ChannelKind>("conversation.channel", "Conversation channel", true, (f, _) => f.Engagement.LatestChannel),
    ];

    private static readonly Dictionary<string, RuleField> ByName =
        All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static RuleField? Find(string? name) => name is null ? null : ByName.GetValueOrDefault(name.Trim());

    public static string Name(RuleOp op) => char.ToLowerInvariant(op.ToString()[0]) + op.ToString()[1..];

    public static RuleOp? ParseOp(string? op) =>
        Enum.TryParse<RuleOp>(op?.Trim(), ignoreCase: true, out var o) && Enum.IsDefined(o) ? o : null;

    /// <summary>How people read an operator.</summary>
    public static string Symbol(RuleOp op) => op switch
    {
        RuleOp.Eq => "=",
        RuleOp.Neq => "≠",
        RuleOp.In => "in",
        RuleOp.NotIn => "not in",
        RuleOp.Gte => "≥",
        RuleOp.Lte => "≤",
        RuleOp.Contains => "contains",
        RuleOp.IsEmpty => "is empty",
        RuleOp.IsSet => "is set",
        RuleOp.OlderThan => "older than (days)",
        _ => "within (days)",
    };

    private static RuleField Choice<T>(string name, string label, bool nullable, Func<LeadFacts, DateTime, T?> read)
        where T : struct, Enum =>
        new(name, label, RuleFieldType.Choice, nullable, (f, now) => read(f, now)?.ToString(), Enum.GetNames<T>());

    // Days since the moment (fractions count: 30 days and a minute is older than 30 days).
    private static double Age(DateTime at, DateTime now) => (now - at).TotalDays;

    private static decimal? Elapsed(DateTime? since, DateTime now, TimeSpan unit) =>
        since is { } s ? (decimal)((now - s) / unit) : null;
}
