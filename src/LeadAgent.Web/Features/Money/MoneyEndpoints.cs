using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LeadAgent.Web.Features.Money;

internal static class MoneyEndpoints
{
    public static IEndpointRouteBuilder MapMoneyEndpoints(this IEndpointRouteBuilder app)
    {
        var rates = app.MapApiGroup("exchange-rates", "Money");
        rates.MapGet("/", (ExchangeRateService s, CancellationToken ct) => s.ListAsync(ct))
            .WithSummary("Every exchange rate into the workspace currency (inUse false: into a former one)");
        rates.MapGet("/{id:guid}", (ExchangeRateService s, Guid id, CancellationToken ct) => s.GetAsync(id, ct))
            .ProducesProblem(404);
        rates.MapPost("/", async Task<Created<ExchangeRateDto>> (
            ExchangeRateService s, ExchangeRateInput input, CancellationToken ct) =>
        {
            var rate = await s.AddAsync(input, ct);
            return TypedResults.Created($"/api/v1/exchange-rates/{rate.Id}", rate);
        }).WithSummary("Add a dated rate (admins)").Writes().RequireAuthorization(Policies.Admin);
        rates.MapPut("/{id:guid}", (ExchangeRateService s, Guid id, ExchangeRateInput input, CancellationToken ct) =>
                s.UpdateAsync(id, input, ct))
            .WithSummary("Change a rate; send the version you read (admins)").Writes()
            .RequireAuthorization(Policies.Admin);
        rates.MapDelete("/{id:guid}", async Task<NoContent> (ExchangeRateService s, Guid id, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).WithSummary("Delete a rate (admins)").Writes().RequireAuthorization(Policies.Admin);

        var workspace = app.MapApiGroup("workspace", "Money");
        workspace.MapGet("/currency", (ExchangeRateService s, CancellationToken ct) => s.GetCurrencyAsync(ct))
            .WithSummary("The workspace currency every amount is converted into");
        workspace.MapPut("/currency", (ExchangeRateService s, WorkspaceCurrencyInput input, CancellationToken ct) =>
                s.SetCurrencyAsync(input, ct))
            .WithSummary("Set the workspace currency (admins)").Writes().RequireAuthorization(Policies.Admin);
        return app;
    }
}
