using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Limits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadAgent.Web.Features.Companies;

internal static class CompanyEndpoints
{
    public static void MapCompanyEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("companies", "Companies");
        g.MapGet("/", async (CompanyService s, CustomFieldService fields, HttpRequest request,
                [AsParameters] CompanyListQuery q, CancellationToken ct) =>
                await s.ListAsync(q, await fields.ConditionsAsync(FieldRecord.Company, request.Query, ct), ct))
            .WithSummary("List companies (sort=name|country|segment|fit|leads|createdAt|updatedAt, '-' descending; "
                + "cursor paging; cf.{key}, cf.{key}.min/.max filter custom fields)")
            .HeavyQuery();
        g.MapGet("/{id:guid}", (CompanyService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .ProducesProblem(404);
        g.MapPost("/", async Task<Created<CompanyRow>> (CompanyService s, CompanyInput input, CancellationToken ct) =>
        {
            var row = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/companies/{row.Id}", row);
        }).Writes();
        g.MapPut("/{id:guid}", (CompanyService s, Guid id, CompanyInput input, CancellationToken ct) =>
            s.UpdateAsync(id, input, ct)).Writes();
        g.MapPost("/{id:guid}/archive", (CompanyService s, Guid id, CancellationToken ct) =>
            s.SetArchivedAsync(id, true, ct)).Writes();
        g.MapPost("/{id:guid}/restore", (CompanyService s, Guid id, CancellationToken ct) =>
            s.SetArchivedAsync(id, false, ct)).Writes();
        g.MapDelete("/{id:guid}", async Task<NoContent> (CompanyService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.Admin).ProducesProblem(404).ProducesProblem(409);
        g.MapGet("/{id:guid}/timeline", (
                ActivityService s, Guid id, string? cursor, int? limit, CancellationToken ct) =>
            s.ListAsync(
                new ActivityQuery { EntityType = nameof(Company), EntityId = id, Cursor = cursor, Limit = limit }, ct));
    }
}
