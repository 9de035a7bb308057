using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Limits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadAgent.Web.Features.Contacts;

internal static class ContactEndpoints
{
    public static void MapContactEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("contacts", "Contacts");
        g.MapGet("/", async (ContactService s, CustomFieldService fields, HttpRequest request,
                [AsParameters] ContactListQuery q, CancellationToken ct) =>
                await s.ListAsync(q, await fields.ConditionsAsync(FieldRecord.Contact, request.Query, ct), ct))
            .WithSummary("List contacts (sort=name|company|email|createdAt|updatedAt, '-' descending; cursor paging; "
                + "cf.{key}, cf.{key}.min/.max filter custom fields)")
            .HeavyQuery();
        g.MapGet("/{id:guid}", (ContactService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .ProducesProblem(404);
        g.MapPost("/", async Task<Created<ContactRow>> (ContactService s, ContactInput input, CancellationToken ct) =>
        {
            var row = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/contacts/{row.Id}", row);
        }).Writes();
        g.MapPut(
                "/{id:guid}",
                (ContactService s, Guid id, ContactInput input, CancellationToken ct) => s.UpdateAsync(id, input, ct))
            .Writes();
        g.MapPost(
                "/{id:guid}/archive",
                (ContactService s, Guid id, CancellationToken ct) => s.SetArchivedAsync(id, true, ct))
            .Writes();
        g.MapPost(
                "/{id:guid}/restore",
                (ContactService s, Guid id, CancellationToken ct) => s.SetArchivedAsync(id, false, ct))
            .Writes();
        g.MapDelete("/{id:guid}", async Task<NoContent> (ContactService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Admin).ProducesProblem(404);
        g.MapGet(
            "/{id:guid}/timeline",
            (ActivityService s, Guid id, string? cursor, int? limit, CancellationToken ct) => s.ListAsync(
                new ActivityQuery { EntityType = nameof(Contact), EntityId = id, Cursor = cursor, Limit = limit }, ct));
    }
}
