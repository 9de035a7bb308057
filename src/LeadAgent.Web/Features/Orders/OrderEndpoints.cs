using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Limits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadAgent.Web.Features.Orders;

internal static class OrderEndpoints
{
    public static void MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var g = app.MapApiGroup("orders", "Orders");
        g.MapGet("/", (OrderService s, Guid? companyId, int? limit, string? cursor, CancellationToken ct) =>
                s.ListAsync(companyId, limit, cursor, ct))
            .WithSummary("Orders, newest first; filter by companyId").HeavyQuery();
        g.MapGet("/{id:guid}", (OrderService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .ProducesProblem(404);
        g.MapPost("/", async Task<Created<OrderDto>> (OrderService s, OrderInput input, CancellationToken ct) =>
        {
            var order = await s.CreateAsync(input, ct);
            return TypedResults.Created($"/api/v1/orders/{order.Id}", order);
        }).Writes();
        g.MapPut("/{id:guid}", (OrderService s, Guid id, OrderInput input, CancellationToken ct) =>
            s.UpdateAsync(id, input, ct)).Writes();
        g.MapDelete("/{id:guid}", async Task<NoContent> (OrderService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete an order (admins; sales cancel it instead)").RequireAuthorization(Policies.Admin)
            .ProducesProblem(404);
        app.MapApiGroup("companies", "Companies")
            .MapGet("/{id:guid}/orders/summary", (OrderService s, Guid id, CancellationToken ct) =>
                s.SummaryAsync(id, ct))
            .WithSummary("Order count, first/last order, totals and average by currency, by year and by category")
            .ProducesProblem(404);
    }
}
