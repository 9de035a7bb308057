using LeadAgent.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadAgent.Web.Features.Notes;

internal static class NoteEndpoints
{
    public static void MapNoteEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("notes", "Notes");
        g.MapGet("/", (
                NoteService s,
                NoteSubject subjectType,
                Guid subjectId,
                int? limit,
                string? cursor,
                CancellationToken ct) =>
                s.ListAsync(subjectType, subjectId, limit, cursor, ct))
            .WithSummary("Notes on one lead, company or contact, newest first. "
                + "'html' is the safely rendered Markdown.");
        g.MapGet("/{id:guid}", (NoteService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .ProducesProblem(404);
        g.MapPost("/", async Task<Created<NoteDto>> (NoteService s, NoteInput input, CancellationToken ct) =>
        {
            var note = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/notes/{note.Id}", note);
        }).Writes();
        g.MapPut("/{id:guid}", (NoteService s, Guid id, NoteInput input, CancellationToken ct) =>
            s.UpdateAsync(id, input, ct)).Writes();
        g.MapDelete("/{id:guid}", async Task<NoContent> (NoteService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).Writes();
    }
}
