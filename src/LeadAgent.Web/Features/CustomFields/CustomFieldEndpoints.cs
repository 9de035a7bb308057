using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadAgent.Web.Features.CustomFields;

internal static class CustomFieldEndpoints
{
    public static void MapCustomFieldEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("custom-fields", "Custom fields");
        g.MapGet("/", (CustomFieldService s, FieldRecord? record, CancellationToken ct) => s.ListAsync(record, ct))
            .WithSummary("The custom fields of companies, contacts and leads (or of one record type)");
        g.MapPost("/", async Task<Created<CustomFieldDto>> (
            CustomFieldService s, CustomFieldInput input, CancellationToken ct) =>
        {
            var dto = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/custom-fields/{dto.Id}", dto);
        }).WithSummary("Add a custom field (admins); the type is fixed once created").Writes()
            .RequireAuthorization(Policies.Admin);
        g.MapPut("/{id:guid}", (CustomFieldService s, Guid id, CustomFieldRename input, CancellationToken ct) =>
                s.RenameAsync(id, input, ct))
            .WithSummary("Rename a custom field (admins)").Writes().RequireAuthorization(Policies.Admin);
        g.MapDelete("/{id:guid}", async Task<NoContent> (CustomFieldService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete a custom field (admins); records keep their values as untyped text").Writes()
            .RequireAuthorization(Policies.Admin);
    }
}
