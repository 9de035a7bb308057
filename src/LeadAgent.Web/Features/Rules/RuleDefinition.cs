using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeadAgent.Web.Features.Rules;

/// <summary>
/// One condition as sent and stored: <c>{"field": "company.country", "op": "in", "value": ["DACH", "GB"]}</c>, or an
/// any-of group <c>{"any": [condition, …]}</c>. The value is a string, number or list as the operator needs (a list
/// may also be given as comma-separated text). Field and operator names are in <see cref="RuleFields"/>.
/// </summary>
public sealed record RuleCondition
{
    public string? Field { get; init; }
    public string? Op { get; init; }
    public JsonElement? Value { get; init; }
    public List<RuleCondition>? Any { get; init; }
}

public enum RuleActionKind
{
    AssignRoundRobin, AssignByRegion, SetStatus, AddToList, AddTag, CreateTask, Notify, ProposePlaybook,
}

/// <summary>
/// One action as sent and stored. Which properties it reads depends on <see cref="Kind"/>:
/// assignRoundRobin (users), assignByRegion (regions: country code or region name → user id, "*" for the rest),
/// setStatus (status), addToList (listId), addTag (tag), createTask (title, dueInDays, ownerId — none: the lead's
/// owner —, contact: whether the task is to contact the lead, default true), notify (text, users — none: the lead's
/// owner), proposePlaybook (playbook; recorded as a task until playbooks exist).
/// </summary>
public sealed record RuleAction
{
    public string? Kind { get; init; }
    public List<string>? Users { get; init; }
    public Dictionary<string, string>? Regions { get; init; }
    public string? Status { get; init; }
    public Guid? ListId { get; init; }
    public string? Tag { get; init; }
    public string? Title { get; init; }
    public int? DueInDays { get; init; }
    public string? OwnerId { get; init; }
    public bool? Contact { get; init; }
    public string? Text { get; init; }
    public string? Playbook { get; init; }
}

/// <summary>A rule as the API and the editor send it (also a draft to simulate).</summary>
public sealed record RuleInput
{
    public string? Name { get; init; }
    public bool? Enabled { get; init; }
    public string? Description { get; init; }
    public int? Order { get; init; }
    public List<RuleCondition>? Conditions { get; init; }
    public List<RuleAction>? Actions { get; init; }
    /// <summary>Required on update: the version read.</summary>
    public long? Version { get; init; }
}

public sealed record RuleDto(
    Guid Id, string Name, bool Enabled, string? Description, int Order, List<RuleCondition> Conditions,
    List<RuleAction> Actions, string? CreatedByName, string? UpdatedByName, DateTime CreatedAt, DateTime UpdatedAt,
    long Version, DateTime? LastRunAt, int LastRunMatched, int LastRunTouched, int LastRunSkipped, long TotalTouched);

/// <summary>How conditions and actions are written to the Rules table and read back.</summary>
public static class RuleJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write<T>(List<T> items) => JsonSerializer.Serialize(items, Options);

    public static List<T> Read<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];
}
