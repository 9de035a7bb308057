using System.Linq.Expressions;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Money;

namespace LeadAgent.Web.Features.Leads;

/// <summary>
/// The expected value converted into the workspace currency at the current rate, as a sort key: in SQL for the
/// order and the cursor's predicate, in C# for the cursor of the last row. A lead whose currency has no rate (or
/// that has no value) has no key and sorts last, whichever the direction.
/// </summary>
public sealed record LeadValueSort(Expression<Func<Lead, decimal?>> Key, Func<LeadRow, decimal?> RowKey)
{
    public static LeadValueSort For(AppDbContext db, CurrencyConverter converter, DateOnly today)
    {
        var workspace = converter.Workspace;
        var rates = db.ExchangeRates;
        // A correlated subquery per lead: the latest rate of its currency from today or before.
        Expression<Func<Lead, decimal?>> key = l => l.Currency == workspace
            ? l.ExpectedValue
            : l.ExpectedValue * rates
                .Where(r => r.BaseCurrency == workspace && r.Currency == l.Currency && r.ValidFrom <= today)
                .OrderByDescending(r => r.ValidFrom)
                .Select(r => (decimal?)r.Rate)
                .FirstOrDefault();
        return new LeadValueSort(key, r => r.ExpectedValue is { } v ? converter.Convert(v, r.Currency, today) : null);
    }
}
