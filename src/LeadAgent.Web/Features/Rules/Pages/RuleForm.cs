using System.Text.Json;

namespace LeadAgent.Web.Features.Rules.Pages;

/// <summary>One condition row of the editor (or an any-of group of rows).</summary>
public sealed class ConditionForm
{
    public string Field { get; set; } = "lead.status";
    public string Op { get; set; } = "eq";
    /// <summary>The value as typed; lists comma-separated.</summary>
    public string? Value { get; set; }
    public List<ConditionForm>? Any { get; set; }

    public RuleField? Definition => RuleFields.Find(Field);
    public bool TakesValue => RuleFields.ParseOp(Op) is not (RuleOp.IsEmpty or RuleOp.IsSet);
    public bool TakesList => RuleFields.ParseOp(Op) is RuleOp.In or RuleOp.NotIn
        || Definition?.Type == RuleFieldType.Country;

    /// <summary>After a field change: keep the operator when the new field takes it.</summary>
    public void FieldChanged(string field)
    {
        Field = field;
        if (Definition is { } d && !d.Ops.Select(RuleFields.Name).Contains(Op))
        {
            Op = RuleFields.Name(d.Ops[0]);
        }
    }

    public RuleCondition ToCondition() => Any is not null
        ? new RuleCondition { Any = Any.Select(a => a.ToCondition()).ToList() }
        : new RuleCondition
        {
            Field = Field,
            Op = Op,
            Value = !TakesValue ? null
                : TakesList ? JsonSerializer.SerializeToElement((Value ?? "").Split(',').Select(v => v.Trim())
                    .Where(v => v.Length > 0).ToArray())
                : JsonSerializer.SerializeToElement(Value ?? ""),
        };

    public static ConditionForm From(RuleCondition c) => c.Any is not null
        ? new ConditionForm { Any = c.Any.Select(From).ToList() }
        : new ConditionForm { Field = c.Field ?? "", Op = c.Op ?? "", Value = Text(c.Value) };

    private static string? Text(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.Array } v => string.Join(", ", v.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        _ => null,
    };
}

public sealed class RegionForm
{
    public string Region { get; set; } = "";
    public string? UserId { get; set; }
}

/// <summary>One action row of the editor; which inputs show depends on the kind.</summary>
public sealed class ActionForm
{
    public RuleActionKind Kind { get; set; } = RuleActionKind.AddTag;
    public IReadOnlyCollection<string> Users { get; set; } = [];
    public List<RegionForm> Regions { get; set; } = [];
    public LeadAgent.Web.Features.Leads.LeadStatus Status { get; set; }
    public Guid? ListId { get; set; }
    public string? Tag { get; set; }
    public string? Title { get; set; }
    public int DueInDays { get; set; } = 1;
    public string? OwnerId { get; set; }
    public bool Contact { get; set; } = true;
    public string? Text { get; set; }
    public string? Playbook { get; set; }

    public RuleAction ToAction() => new()
    {
        Kind = Kind.ToString(),
        Users = Kind is RuleActionKind.AssignRoundRobin or RuleActionKind.Notify ? Users.ToList() : null,
        Regions = Kind == RuleActionKind.AssignByRegion
            ? Regions.Where(r => r.Region.Trim().Length > 0)
                .GroupBy(r => r.Region.Trim()).ToDictionary(g => g.Key, g => g.First().UserId ?? "")
            : null,
        Status = Kind == RuleActionKind.SetStatus ? Status.ToString() : null,
        ListId = Kind == RuleActionKind.AddToList ? ListId : null,
        Tag = Kind == RuleActionKind.AddTag ? Tag : null,
        Title = Kind == RuleActionKind.CreateTask ? Title : null,
        DueInDays = Kind is RuleActionKind.CreateTask or RuleActionKind.ProposePlaybook ? DueInDays : null,
        OwnerId = Kind is RuleActionKind.CreateTask or RuleActionKind.ProposePlaybook ? OwnerId : null,
        Contact = Kind == RuleActionKind.CreateTask ? Contact : null,
        Text = Kind == RuleActionKind.Notify ? Text : null,
        Playbook = Kind == RuleActionKind.ProposePlaybook ? Playbook : null,
    };

    public static ActionForm From(RuleAction a) => new()
    {
        Kind = Enum.TryParse<RuleActionKind>(a.Kind, true, out var k) ? k : RuleActionKind.AddTag,
        Users = a.Users ?? [],
        Regions = (a.Regions ?? []).Select(r => new RegionForm { Region = r.Key, UserId = r.Value }).ToList(),
        Status = Enum.TryParse<LeadAgent.Web.Features.Leads.LeadStatus>(a.Status, true, out var s) ? s : default,
        ListId = a.ListId,
        Tag = a.Tag,
        Title = a.Title,
        DueInDays = a.DueInDays ?? 1,
        OwnerId = a.OwnerId,
        Contact = a.Contact ?? true,
        Text = a.Text,
        Playbook = a.Playbook,
    };
}

/// <summary>The editor's whole rule.</summary>
public sealed class RuleForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public int Order { get; set; } = 100;
    public bool Enabled { get; set; }
    public long? Version { get; set; }
    public List<ConditionForm> Conditions { get; set; } = [new()];
    public List<ActionForm> Actions { get; set; } = [new()];

    public RuleInput ToInput() => new()
    {
        Name = Name,
        Description = Description,
        Order = Order,
        Enabled = Enabled,
        Version = Version,
        Conditions = Conditions.Select(c => c.ToCondition()).ToList(),
        Actions = Actions.Select(a => a.ToAction()).ToList(),
    };

    public static RuleForm From(RuleDto r) => new()
    {
        Name = r.Name,
        Description = r.Description,
        Order = r.Order,
        Enabled = r.Enabled,
        Version = r.Version,
        Conditions = r.Conditions.Select(ConditionForm.From).ToList(),
        Actions = r.Actions.Select(ActionForm.From).ToList(),
    };
}
