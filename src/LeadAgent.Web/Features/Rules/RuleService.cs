using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Rules;

/// <summary>Rules for the API and the pages: admins create, edit, enable, run and delete; everyone reads.</summary>
public sealed class RuleService(IDbContextFactory<AppDbContext> dbFactory, RuleEngine engine,
    ActivityService activity)
{
    public async Task<List<RuleDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await db.Rules.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Name).ToListAsync(ct);
        return rules.Select(ToDto).ToList();
    }

    public async Task<RuleDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return ToDto(await db.Rules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException("Rule", id));
    }

    public async Task<RuleDto> CreateAsync(RuleInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var actor = await db.GetActorAsync();
        var rule = new Rule { Name = "", CreatedById = actor.UserId, CreatedByName = actor.Name };
        await ApplyAsync(db, rule, input ?? new RuleInput(), ct);
        db.Rules.Add(rule);
        await db.SaveChangesAsync(ct);
        return ToDto(rule);
    }

    public async Task<RuleDto> UpdateAsync(Guid id, RuleInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var rule = await db.Rules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Rule", id);
        LeadService.RequireVersion(db, rule, input?.Version);
        await ApplyAsync(db, rule, input!, ct);
        rule.UpdatedByName = (await db.GetActorAsync()).Name;
        await db.SaveChangesAsync(ct);
        return ToDto(rule);
    }

    /// <summary>Switches the rule on or off (the list's toggle), with the version read.</summary>
    public async Task<RuleDto> SetEnabledAsync(Guid id, bool enabled, long version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var rule = await db.Rules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Rule", id);
        LeadService.RequireVersion(db, rule, version);
        rule.Enabled = enabled;
        rule.UpdatedByName = (await db.GetActorAsync()).Name;
        await db.SaveChangesAsync(ct);
        return ToDto(rule);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var rule = await db.Rules.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("Rule", id);
        db.Rules.Remove(rule);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What the draft would do (writes nothing); with <paramref name="ruleId"/> as that saved rule.</summary>
    public async Task<RuleSimulation> SimulateAsync(RuleInput draft, Guid? ruleId = null,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        draft ??= new RuleInput();
        var simulation = await engine.SimulateAsync(db, draft, ruleId, ct);
        await CheckReferencesAsync(db, draft, new Errors(), ct, throwIfAny: true);
        return simulation;
    }

    /// <summary>Applies the rule to all its matching leads now (admins).</summary>
    public async Task<RuleRunResult> RunAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        return await engine.RunRuleAsync(db, id, ct);
    }

    /// <summary>The activity entries the rule made, newest first (by its id, so a rename keeps them).</summary>
    public async Task<Page<ActivityDto>> LogAsync(Guid id, int? limit, string? cursor, CancellationToken ct = default)
    {
        await GetAsync(id, ct);
        var query = new ActivityQuery { ActorId = Rule.ActorIdOf(id), Limit = limit, Cursor = cursor };
        return await activity.ListAsync(query, ct);
    }

    private static async Task ApplyAsync(AppDbContext db, Rule rule, RuleInput input, CancellationToken ct)
    {
        var errors = new Errors();
        var name = errors.Required("name", input.Name, Rule.NameMax);
        var description = errors.Optional("description", input.Description, Rule.DescriptionMax);
        if (name is not null && await db.Rules.AnyAsync(r => r.Name == name && r.Id != rule.Id, ct))
        {
            errors.Add("name", "A rule with this name already exists.");
        }
        if (input.Order is < -1_000_000 or > 1_000_000)
        {
            errors.Add("order", "Must be between -1,000,000 and 1,000,000.");
        }
        RuleConditions.Compile(input.Conditions, errors);
        RuleActions.Compile(input.Actions, errors);
        await CheckReferencesAsync(db, input, errors, ct, throwIfAny: false);
        var conditions = input.Conditions is null ? "[]" : RuleJson.Write(input.Conditions);
        var actions = input.Actions is null ? "[]" : RuleJson.Write(input.Actions);
        if (conditions.Length > Rule.JsonMax || actions.Length > Rule.JsonMax)
        {
            errors.Add(conditions.Length > Rule.JsonMax ? "conditions" : "actions",
                $"Too long: at most {Rule.JsonMax:N0} characters of JSON.");
        }
        errors.ThrowIfAny();
        rule.Name = name!;
        rule.Description = description;
        rule.Enabled = input.Enabled ?? rule.Enabled;
        rule.Order = input.Order ?? rule.Order;
        rule.Conditions = conditions;
        rule.Actions = actions;
    }

    // The users and lists a rule names must exist; owners it assigns (or gives tasks to) must be sales or admins.
    private static async Task CheckReferencesAsync(AppDbContext db, RuleInput input, Errors errors,
        CancellationToken ct, bool throwIfAny)
    {
        var users = (await db.Users.Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var owners = (await LeadOwners.Ids(db).ToListAsync(ct)).ToHashSet();
        foreach (var (path, id) in RuleConditions.Users(input.Conditions))
        {
            if (!users.Contains(id))
            {
                errors.Add(path, $"No user with id '{id}'.");
            }
        }
        for (var i = 0; i < Math.Min(input.Actions?.Count ?? 0, RuleActions.MaxActions); i++)
        {
            // Each action on its own: the others' mistakes do not hide this one's references.
            var own = new Errors();
            if (RuleActions.Compile([input.Actions![i]], own) is not [var step] || own.Any)
            {
                continue;
            }
            foreach (var user in step.NamedUsers.Distinct())
            {
                if (!users.Contains(user))
                {
                    errors.Add($"actions[{i}]", $"No user with id '{user}'.");
                }
                else if (step.Kind != RuleActionKind.Notify && !owners.Contains(user))
                {
                    errors.Add($"actions[{i}]", LeadOwners.ViewerMessage);
                }
            }
            if (step.ListId is { } listId && !await db.LeadLists.AnyAsync(l => l.Id == listId, ct))
            {
                errors.Add($"actions[{i}].listId", "No list with this id.");
            }
        }
        if (throwIfAny)
        {
            errors.ThrowIfAny();
        }
    }

    private static RuleDto ToDto(Rule r) => new(r.Id, r.Name, r.Enabled, r.Description, r.Order,
        RuleJson.Read<RuleCondition>(r.Conditions), RuleJson.Read<RuleAction>(r.Actions), r.CreatedByName,
        r.UpdatedByName, r.CreatedAt, r.UpdatedAt, r.Version, r.LastRunAt, r.LastRunMatched, r.LastRunTouched,
        r.LastRunSkipped, r.TotalTouched);
}
