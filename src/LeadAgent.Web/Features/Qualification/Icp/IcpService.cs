using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Qualification.Versions;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Icp;

/// <summary>One version of the ICP: its number (0 the built-in default), who saved it, when and why.</summary>
public sealed record IcpVersionView(int Number, string? AuthorName, DateTime? SavedAt, string? Note, IcpSet Icp);

/// <summary>What an admin saves: the whole ICP and a note saying what changed.</summary>
public sealed record IcpSaveInput(IcpSet? Icp, string? Note);

/// <summary>
/// The ICP as admins edit it: the version in force, every earlier one, and saving a new one (admins only, checked).
/// Companies are judged again against the new version in the background (their fits name the version that made
/// them, so every fit of an older one is stale).
/// </summary>
public sealed class IcpService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The ICP in force (the built-in default as version 0 until an admin saves one).</summary>
    public static Task<Versioned<IcpSet>> CurrentAsync(AppDbContext db, CancellationToken ct) =>
        VersionStore.CurrentAsync(db, VersionKind.Icp, IcpDefaults.Create, ct);

    public async Task<IcpVersionView> CurrentAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await CurrentAsync(db, ct);
        return await ViewAsync(db, current, ct);
    }

    /// <summary>Every saved version, newest first, then the built-in default (number 0).</summary>
    public async Task<List<VersionInfo>> VersionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await VersionStore.ListAsync(db, VersionKind.Icp, ct);
        list.Add(new VersionInfo(0, "Built-in default", "LeadAgent", DateTime.UnixEpoch));
        return list;
    }

    public async Task<IcpVersionView> GetAsync(int number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await VersionStore.GetAsync(db, VersionKind.Icp, number, IcpDefaults.Create, ct)
            ?? throw new NotFoundException("ICP version", number);
        return await ViewAsync(db, version, ct);
    }

    /// <summary>Saves the ICP as the next version (admins only; field errors for bad input).</summary>
    public async Task<IcpVersionView> SaveAsync(IcpSaveInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var errors = new Errors();
        var note = errors.Optional("note", input.Note, QualificationVersion.NoteMax);
        var icp = IcpValidation.Check(input.Icp, errors);
        var number = await VersionStore.SaveAsync(db, VersionKind.Icp, icp, note, ct);
        var saved = await VersionStore.GetAsync(db, VersionKind.Icp, number, IcpDefaults.Create, ct);
        return await ViewAsync(db, saved!, ct);
    }

    private static async Task<IcpVersionView> ViewAsync(AppDbContext db, Versioned<IcpSet> v, CancellationToken ct)
    {
        var note = v.Number == 0 ? "Built-in default" : await db.QualificationVersions.AsNoTracking()
            .Where(x => x.Kind == VersionKind.Icp && x.Number == v.Number).Select(x => x.Note)
            .FirstOrDefaultAsync(ct);
        return new IcpVersionView(v.Number, v.AuthorName, v.SavedAt, note, v.Value);
    }
}
