using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Money;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Demo;

/// <summary>
/// Rounded demo rates into EUR for the demo's other currencies, so its totals and value sorting cover every lead.
/// Illustrative only: an admin keeps real, dated rates on the exchange rates page.
/// </summary>
internal static class DemoRates
{
    private static readonly (string Currency, decimal Rate)[] IntoEuro =
        [("GBP", 1.17m), ("CHF", 1.07m), ("AED", 0.25m)];

    public static async Task EnsureAsync(AppDbContext db, CrmOptions options, DateTime now, CancellationToken ct)
    {
        var workspace = await CurrencyConverter.WorkspaceCurrencyAsync(db, options, ct);
        if (workspace != "EUR" || await db.ExchangeRates.AnyAsync(r => r.BaseCurrency == workspace, ct))
        {
            return; // another workspace currency, or rates someone keeps already
        }
        var from = new DateOnly(now.Year - 1, 1, 1);
        db.ExchangeRates.AddRange(IntoEuro.Select(r => new ExchangeRate
        {
            Currency = r.Currency,
            BaseCurrency = workspace,
            Rate = r.Rate,
            ValidFrom = from,
        }));
    }
}
