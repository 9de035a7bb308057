using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Notes;

public sealed record NoteDto(Guid Id, NoteSubject SubjectType, Guid SubjectId, string Body, string Html,
    string? AuthorId, string? AuthorName, DateTime CreatedAt, DateTime UpdatedAt, long Version,
    NoteKind Kind = NoteKind.Note, string? Outcome = null, DateTime? OccurredAt = null);

/// <summary>
/// A note, or with <paramref name="Kind"/> a call, meeting or e-mail to log: its outcome and when it happened
/// (now when left out; at most a day ahead).
/// </summary>
public sealed record NoteInput(NoteSubject? SubjectType, Guid? SubjectId, string? Body, long? Version = null,
    NoteKind? Kind = null, string? Outcome = null, DateTime? OccurredAt = null);

public sealed class NoteService(IDbContextFactory<AppDbContext> dbFactory, IActorSource actors, TimeProvider time)
{
    /// <summary>Newest first, keyset-paged on (created, id).</summary>
    public async Task<Page<NoteDto>> ListAsync(NoteSubject subject, Guid subjectId, int? limit = null,
        string? cursorText = null, CancellationToken ct = default)
    {
        var errors = new Errors();
        var take = Cursor.ClampLimit(limit, errors);
        errors.ThrowIfAny();
        var cursor = Cursor.Decode(cursorText, "-createdAt");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notes = db.Notes.AsNoTracking().Where(n => n.SubjectType == subject && n.SubjectId == subjectId);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (cursor is not null)
        {
            var utc = System.Globalization.DateTimeStyles.AssumeUniversal
                | System.Globalization.DateTimeStyles.AdjustToUniversal;
            var at = Cursor.Read(v => DateTime.Parse(v, invariant, utc), cursor.Value ?? "");
            var id = cursor.Id;
            notes = notes.Where(n => n.CreatedAt < at || (n.CreatedAt == at && n.Id.CompareTo(id) < 0));
        }
        var rows = await notes.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take + 1)
            .ToListAsync(ct);
        return Page<NoteDto>.FromLookahead(rows.Select(ToDto).ToList(), take,
            n => new Cursor("-createdAt", n.CreatedAt.ToString("O", invariant), n.Id).Encode(), null);
    }

    public async Task<NoteDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var note = await db.Notes.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct)
            ?? throw new NotFoundException("Note", id);
        return ToDto(note);
    }

    public async Task<NoteDto> CreateAsync(NoteInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new Errors();
        var body = errors.Required("body", input.Body, Note.BodyMax);
        LeadService.CheckEnum(errors, "subjectType", input.SubjectType);
        if (input.SubjectType is null)
        {
            errors.Add("subjectType", "Required.");
        }
        if (input.SubjectId is not { } subjectId)
        {
            errors.Add("subjectId", "Required.");
        }
        else if (input.SubjectType is { } type && Enum.IsDefined(type)
            && !await SubjectExistsAsync(db, type, subjectId, ct))
        {
            errors.Add("subjectId", $"No {type.ToString().ToLowerInvariant()} with this id.");
        }
        var (kind, outcome, occurredAt) = Activity(errors, input);
        errors.ThrowIfAny();
        var actor = await actors.GetActorAsync();
        var note = new Note
        {
            SubjectType = input.SubjectType!.Value,
            SubjectId = input.SubjectId!.Value,
            Body = body!,
            AuthorId = actor.UserId,
            AuthorName = actor.Name,
            Kind = kind,
            Outcome = outcome,
            OccurredAt = occurredAt,
        };
        db.Notes.Add(note);
        await db.SaveChangesAsync(ct);
        return ToDto(note);
    }

    public async Task<NoteDto> UpdateAsync(Guid id, NoteInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == id, ct)
            ?? throw new NotFoundException("Note", id);
        await RequireAuthorOrAdminAsync(db, note, "edit");
        LeadService.RequireVersion(db, note, input.Version);
        var errors = new Errors();
        var body = errors.Required("body", input.Body, Note.BodyMax);
        var (kind, outcome, occurredAt) = Activity(errors, input with { Kind = input.Kind ?? note.Kind });
        errors.ThrowIfAny();
        note.Body = body!;
        // Left out means unchanged; a plain note has neither outcome nor time of its own.
        note.Outcome = kind == NoteKind.Note ? null : input.Outcome is null ? note.Outcome : outcome;
        note.OccurredAt = kind == NoteKind.Note ? null
            : input.OccurredAt is null ? note.OccurredAt ?? note.CreatedAt : occurredAt;
        note.Kind = kind;
        await db.SaveChangesAsync(ct);
        return ToDto(note);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == id, ct)
            ?? throw new NotFoundException("Note", id);
        await RequireAuthorOrAdminAsync(db, note, "delete");
        db.Notes.Remove(note);
        await db.SaveChangesAsync(ct);
    }

    // Sales change their own notes; only admins change anyone's.
    private static async Task RequireAuthorOrAdminAsync(AppDbContext db, Note note, string what)
    {
        var actor = await db.RequireWriterAsync($"{what} notes");
        if (!actor.IsAdmin && (note.AuthorId is null || note.AuthorId != actor.UserId))
        {
            throw new ForbiddenException($"Only the note's author or an admin may {what} this note.");
        }
    }

    // The one home of an activity's rules: a known kind, a short outcome, a time not in the future (a day of grace
    // for clocks and time zones); a plain note has neither outcome nor time of its own.
    private (NoteKind Kind, string? Outcome, DateTime? OccurredAt) Activity(Errors errors, NoteInput input)
    {
        var kind = input.Kind ?? NoteKind.Note;
        LeadService.CheckEnum(errors, "kind", input.Kind);
        var outcome = errors.Optional("outcome", input.Outcome?.Trim(), Note.OutcomeMax);
        if (kind == NoteKind.Note)
        {
            return (kind, null, null);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var at = input.OccurredAt is { } given ? given.ToUniversalTime() : now;
        if (at > now.AddDays(1))
        {
            errors.Add("occurredAt", "An activity to log has already happened; plan future ones as tasks.");
        }
        return (kind, outcome, at);
    }

    private static Task<bool> SubjectExistsAsync(AppDbContext db, NoteSubject type, Guid id, CancellationToken ct) =>
        type switch
        {
            NoteSubject.Lead => db.Leads.AnyAsync(x => x.Id == id, ct),
            NoteSubject.Company => db.Companies.AnyAsync(x => x.Id == id, ct),
            _ => db.Contacts.AnyAsync(x => x.Id == id, ct),
        };

    private static NoteDto ToDto(Note n) =>
        new(n.Id, n.SubjectType, n.SubjectId, n.Body, MarkdownRenderer.ToHtml(n.Body), n.AuthorId, n.AuthorName,
            n.CreatedAt, n.UpdatedAt, n.Version, n.Kind, n.Outcome, n.OccurredAt);
}
