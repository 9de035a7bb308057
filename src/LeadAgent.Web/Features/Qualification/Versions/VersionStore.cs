using System.Text.Json;
using System.Text.Json.Serialization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Versions;

/// <summary>A setting in force: its version number (0 for the built-in default) and value.</summary>
public sealed record Versioned<T>(int Number, T Value, string? AuthorName, DateTime? SavedAt);

/// <summary>
/// Reads and saves the versioned settings (ICP, score weights). Saving never edits a version: it adds the next number,
/// so every earlier version stays viewable and each score can say which version made it.
/// </summary>
public static class VersionStore
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The version in force, or the default as number 0 when none was saved.</summary>
    public static async Task<Versioned<T>> CurrentAsync<T>(AppDbContext db, VersionKind kind, Func<T> defaults,
        CancellationToken ct)
    {
        var row = await db.Set<QualificationVersion>().AsNoTracking().Where(v => v.Kind == kind)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        return row is null ? new(0, defaults(), null, null) : Read(row, defaults);
    }

    /// <summary>One version by number (0 is the default); null when there is no such version.</summary>
    public static async Task<Versioned<T>?> GetAsync<T>(AppDbContext db, VersionKind kind, int number,
        Func<T> defaults, CancellationToken ct)
    {
        if (number == 0)
        {
            return new(0, defaults(), null, null);
        }
        var row = await db.Set<QualificationVersion>().AsNoTracking()
            .FirstOrDefaultAsync(v => v.Kind == kind && v.Number == number, ct);
        return row is null ? null : Read(row, defaults);
    }

    /// <summary>Every saved version of a kind, newest first, without the JSON.</summary>
    public static Task<List<VersionInfo>> ListAsync(AppDbContext db, VersionKind kind, CancellationToken ct) =>
        db.Set<QualificationVersion>().AsNoTracking().Where(v => v.Kind == kind).OrderByDescending(v => v.Number)
            .Select(v => new VersionInfo(v.Number, v.Note, v.AuthorName, v.CreatedAt)).ToListAsync(ct);

    /// <summary>
    /// Saves <paramref name="value"/> as the next version (admins only). A save racing another gets a conflict
    /// rather than a silent overwrite.
    /// </summary>
    public static async Task<int> SaveAsync<T>(AppDbContext db, VersionKind kind, T value, string? note,
        CancellationToken ct)
    {
        await db.RequireAdminAsync();
        var actor = await db.GetActorAsync();
        var json = JsonSerializer.Serialize(value, Json);
        if (json.Length > QualificationVersion.JsonMax)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                [""] = [$"The setting is too large ({json.Length:N0} characters, " +
                    $"at most {QualificationVersion.JsonMax:N0})."],
            });
        }
        var last = await db.Set<QualificationVersion>().Where(v => v.Kind == kind)
            .MaxAsync(v => (int?)v.Number, ct) ?? 0;
        db.Add(new QualificationVersion
        {
            Kind = kind,
            Number = last + 1,
            Json = json,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length,
                QualificationVersion.NoteMax)],
            AuthorName = actor.Name,
            AuthorId = actor.UserId,
            CreatedAt = db.Time.GetUtcNow().UtcDateTime,
        });
        // Everything is judged again under the new version, queued in the same transaction as the version.
        await Work.QualificationTriggers.QueueSweepAsync(db, $"new {kind} version", db.Time.GetUtcNow().UtcDateTime,
            ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"Someone saved a new {kind} version at the same time; reload and try again.");
        }
        return last + 1;
    }

    private static Versioned<T> Read<T>(QualificationVersion row, Func<T> defaults) =>
        new(row.Number, JsonSerializer.Deserialize<T>(row.Json, Json) ?? defaults(), row.AuthorName, row.CreatedAt);
}

/// <summary>A saved version as lists show it.</summary>
public sealed record VersionInfo(int Number, string? Note, string AuthorName, DateTime CreatedAt);
