using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Lists;

public sealed record LeadListDto(Guid Id, string Name, string? Description, int MemberCount, DateTime CreatedAt,
    DateTime UpdatedAt, long Version);

public sealed record LeadListInput(string? Name, string? Description, long? Version = null);

public sealed record MembersInput(List<Guid>? LeadIds);

public sealed record MembersRemoved(int Removed);

public sealed class LeadListService(IDbContextFactory<AppDbContext> dbFactory, BulkUpdateLeads bulk,
    IActorSource actors)
{
    public async Task<List<LeadListDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, db.LeadLists.OrderBy(l => l.Name)).ToListAsync(ct);
    }

    public async Task<LeadListDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db, db.LeadLists.Where(l => l.Id == id)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("List", id);
    }

    public async Task<LeadListDto> CreateAsync(LeadListInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = new LeadList { Name = "", CreatedById = (await actors.GetActorAsync()).UserId };
        await ApplyAsync(db, list, input, ct);
        db.LeadLists.Add(list);
        await db.SaveChangesAsync(ct);
        return await GetAsync(list.Id, ct);
    }

    public async Task<LeadListDto> UpdateAsync(Guid id, LeadListInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.LeadLists.FirstOrDefaultAsync(l => l.Id == id, ct)
            ?? throw new NotFoundException("List", id);
        LeadService.RequireVersion(db, list, input.Version);
        await ApplyAsync(db, list, input, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.LeadLists.FirstOrDefaultAsync(l => l.Id == id, ct)
            ?? throw new NotFoundException("List", id);
        // A hard delete: sales remove only the lists they made, admins any.
        var actor = await db.RequireWriterAsync("delete lists");
        if (!actor.IsAdmin && (list.CreatedById is null || list.CreatedById != actor.UserId))
        {
            throw new ForbiddenException("Only the list's creator or an admin may delete this list.");
        }
        db.LeadLists.Remove(list);
        await db.SaveChangesAsync(ct);
    }

    public Task<BulkResult> AddAsync(Guid id, MembersInput input, CancellationToken ct = default) =>
        bulk.RunAsync(new BulkRequest(new LeadSelection(RequireIds(input), null),
            new BulkAction(BulkActionKind.AddToList, ListId: id)), null, ct);

    public async Task<int> RemoveAsync(Guid id, MembersInput input, CancellationToken ct = default)
    {
        var ids = RequireIds(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.LeadLists.FirstOrDefaultAsync(l => l.Id == id, ct)
            ?? throw new NotFoundException("List", id);
        var members = await db.LeadListMembers.Where(m => m.ListId == id && ids.Contains(m.LeadId)).ToListAsync(ct);
        var leads = await db.Leads.Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Title })
            .ToDictionaryAsync(l => l.Id, ct);
        db.LeadListMembers.RemoveRange(members);
        var actor = await actors.GetActorAsync();
        var now = db.Time.GetUtcNow().UtcDateTime;
        var changes = new System.Text.Json.Nodes.JsonObject
        {
            ["list"] = new System.Text.Json.Nodes.JsonObject { ["from"] = list.Name, ["to"] = null },
        }.ToJsonString();
        db.Activity.AddRange(members.Select(m => Activity.ActivityEntry.By(actor, now, "list-member-removed",
            nameof(Lead), m.LeadId, leads.TryGetValue(m.LeadId, out var l) ? l.Title : null, changes)));
        await db.SaveChangesAsync(ct);
        return members.Count;
    }

    private static List<Guid> RequireIds(MembersInput input)
    {
        if (input.LeadIds is not { Count: > 0 and <= 100_000 } ids)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["leadIds"] = ["Give between 1 and 100,000 lead ids."],
            });
        }
        return ids;
    }

    private static IQueryable<LeadListDto> Rows(AppDbContext db, IQueryable<LeadList> lists) =>
        lists.AsNoTracking().Select(l => new LeadListDto(l.Id, l.Name, l.Description,
            db.Set<LeadListMember>().Count(m => m.ListId == l.Id), l.CreatedAt, l.UpdatedAt, l.Version));

    private static async Task ApplyAsync(AppDbContext db, LeadList list, LeadListInput input, CancellationToken ct)
    {
        var errors = new Errors();
        var name = errors.Required("name", input.Name, LeadList.NameMax);
        var description = errors.Optional("description", input.Description, LeadList.DescriptionMax);
        if (name is not null && await db.LeadLists.AnyAsync(l => l.Name == name && l.Id != list.Id, ct))
        {
            errors.Add("name", "A list with this name already exists.");
        }
        errors.ThrowIfAny();
        list.Name = name!;
        list.Description = description;
    }
}
