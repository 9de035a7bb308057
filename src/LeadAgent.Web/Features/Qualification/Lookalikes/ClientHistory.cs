using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Qualification.Lookalikes;

/// <summary>
/// What clients ordered, for lookalikes and order potential. A client is a company with at least one order that is
/// not cancelled. Its <see cref="ClientFacts.AnnualValue"/> counts the orders of the last <see cref="WindowMonths"/>
/// months in the workspace currency (<c>Crm:DefaultCurrency</c>) only — orders in other currencies are left out
/// rather than converted at a guessed rate — divided by the years the client has been ordering within the window
/// (at least one: a client since three months is not extrapolated). Its categories are the product categories of its
/// most order lines, of all time.
/// </summary>
public static class ClientHistory
{
    public const int WindowMonths = 24, CategoriesKept = 3;

    public static async Task<Dictionary<Guid, ClientFacts>> LoadAsync(AppDbContext db, IQueryable<Company> companies,
        string currency, DateOnly today, CancellationToken ct)
    {
        var since = today.AddMonths(-WindowMonths);
        var clients = companies.Where(c => c.OrderCount > 0);
        var live = db.Orders.Where(o => o.Status != OrderStatus.Cancelled);
        var firsts = await clients.Select(c => new { c.Id, c.FirstOrderOn }).ToDictionaryAsync(c => c.Id, ct);
        var recent = await live.Where(o => o.OrderedOn >= since)
            .Join(clients, o => o.CompanyId, c => c.Id, (o, c) => new { o.CompanyId, o.Currency, o.Total })
            .ToListAsync(ct);
        var categories = await live.SelectMany(o => o.Lines, (o, l) => new { o.CompanyId, l.Category })
            .Where(x => x.Category != null)
            .Join(clients, x => x.CompanyId, c => c.Id, (x, c) => x)
            .GroupBy(x => new { x.CompanyId, x.Category })
            .Select(g => new { g.Key.CompanyId, g.Key.Category, Lines = g.Count() })
            .ToListAsync(ct);
        var recentOf = recent.ToLookup(x => x.CompanyId);
        var categoriesOf = categories.ToLookup(x => x.CompanyId);
        return firsts.Values.ToDictionary(c => c.Id, c =>
        {
            var orders = recentOf[c.Id].ToList();
            var value = orders.Where(o => o.Currency == currency).Sum(o => o.Total);
            return new ClientFacts(Annual(value, c.FirstOrderOn, today), orders.Count,
                [.. categoriesOf[c.Id].OrderByDescending(x => x.Lines).ThenBy(x => x.Category, StringComparer.Ordinal)
                    .Take(CategoriesKept).Select(x => x.Category!)]);
        });
    }

    /// <summary>The window's value per year, over the months the client has been ordering (12 to 24).</summary>
    public static decimal Annual(decimal windowValue, DateOnly? firstOrderOn, DateOnly today)
    {
        if (windowValue <= 0)
        {
            return 0;
        }
        var months = firstOrderOn is { } first
            ? ((today.Year - first.Year) * 12) + today.Month - first.Month
            : WindowMonths;
        var span = Math.Clamp(months, 12, WindowMonths);
        return Math.Round(windowValue * 12 / span, 2);
    }
}
