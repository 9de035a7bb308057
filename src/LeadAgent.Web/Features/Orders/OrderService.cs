using System.Globalization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Orders;

public sealed class OrderService(IDbContextFactory<AppDbContext> dbFactory, IOptions<CrmOptions> options)
{
    public async Task<OrderDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Rows(db.Orders.Where(o => o.Id == id)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Order", id);
    }

    /// <summary>Newest orders first (one company's, or all), keyset-paged on (date, id).</summary>
    public async Task<Page<OrderDto>> ListAsync(Guid? companyId, int? limit, string? cursorText,
        CancellationToken ct = default)
    {
        var errors = new Errors();
        var take = Cursor.ClampLimit(limit, errors);
        errors.ThrowIfAny();
        var cursor = Cursor.Decode(cursorText, "-orderedOn");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = db.Orders.AsNoTracking();
        if (companyId is { } cid)
        {
            orders = orders.Where(o => o.CompanyId == cid);
        }
        if (cursor is not null)
        {
            var on = Cursor.Read(v => DateOnly.Parse(v, CultureInfo.InvariantCulture), cursor.Value ?? "");
            var id = cursor.Id;
            orders = orders.Where(o => o.OrderedOn < on || (o.OrderedOn == on && o.Id.CompareTo(id) < 0));
        }
        var newest = orders.OrderByDescending(o => o.OrderedOn).ThenByDescending(o => o.Id).Take(take + 1);
        var rows = await Rows(newest).ToListAsync(ct);
        return Page<OrderDto>.FromLookahead(rows, take, o =>
            new Cursor("-orderedOn", o.OrderedOn.ToString("O", CultureInfo.InvariantCulture), o.Id).Encode(), null);
    }

    public async Task<OrderDto> CreateAsync(OrderInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await ApplyAsync(db, null, input, ct);
        db.Orders.Add(order);
        await db.SaveChangesAsync(ct);
        await RecomputeCompanyAsync(db, order.CompanyId, ct);
        return await GetAsync(order.Id, ct);
    }

    public async Task<OrderDto> UpdateAsync(Guid id, OrderInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Orders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("Order", id);
        LeadService.RequireVersion(db, order, input.Version);
        var before = order.CompanyId;
        await ApplyAsync(db, order, input, ct);
        db.Entry(order).Property(o => o.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(ct);
        await RecomputeCompanyAsync(db, order.CompanyId, ct);
        if (before != order.CompanyId)
        {
            await RecomputeCompanyAsync(db, before, ct);
        }
        return await GetAsync(id, ct);
    }

    /// <summary>A hard delete, admins only; sales set an order's status to Cancelled instead.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var order = await db.Orders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("Order", id);
        db.Orders.Remove(order);
        await db.SaveChangesAsync(ct);
        await RecomputeCompanyAsync(db, order.CompanyId, ct);
    }

    public async Task<OrderSummary> SummaryAsync(Guid companyId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Companies.AnyAsync(c => c.Id == companyId, ct))
        {
            throw new NotFoundException("Company", companyId);
        }
        // One company's orders are few: aggregate here, exactly, in decimal (SQLite has no decimal SUM).
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .Where(o => o.CompanyId == companyId && o.Status != OrderStatus.Cancelled).ToListAsync(ct);
        var byCurrency = orders.GroupBy(o => o.Currency).OrderBy(g => g.Key).ToList();
        return new OrderSummary(
            orders.Count,
            orders.Count == 0 ? null : orders.Min(o => o.OrderedOn),
            orders.Count == 0 ? null : orders.Max(o => o.OrderedOn),
            byCurrency.Select(g => new MoneyBy("total", g.Key, g.Sum(o => o.Total))).ToList(),
            byCurrency.Select(g => new MoneyBy("average", g.Key, Math.Round(g.Average(o => o.Total), 2))).ToList(),
            orders.GroupBy(o => (o.OrderedOn.Year, o.Currency)).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Currency)
                .Select(g => new MoneyBy(g.Key.Year.ToString(CultureInfo.InvariantCulture), g.Key.Currency,
                    g.Sum(o => o.Total))).ToList(),
            orders.SelectMany(o =>
                    o.Lines.Select(l => (Category: l.Category ?? "Uncategorised", o.Currency, l.LineTotal)))
                .GroupBy(x => (x.Category, x.Currency)).OrderByDescending(g => g.Sum(x => x.LineTotal))
                .Select(g => new MoneyBy(g.Key.Category, g.Key.Currency, g.Sum(x => x.LineTotal))).ToList());
    }

    // Derived figures on the company, written without an activity entry: they are not anybody's edit.
    internal static async Task RecomputeCompanyAsync(AppDbContext db, Guid companyId, CancellationToken ct)
    {
        var live = db.Orders.Where(o => o.CompanyId == companyId && o.Status != OrderStatus.Cancelled);
        var count = await live.CountAsync(ct);
        var first = await live.OrderBy(o => o.OrderedOn).Select(o => (DateOnly?)o.OrderedOn).FirstOrDefaultAsync(ct);
        var last = await live.OrderByDescending(o => o.OrderedOn).Select(o => (DateOnly?)o.OrderedOn)
            .FirstOrDefaultAsync(ct);
        var total = (await live.Select(o => o.Total).ToListAsync(ct)).Sum();
        await db.Companies.Where(c => c.Id == companyId).ExecuteUpdateAsync(s => s.SetProperty(c => c.OrderCount, count)
            .SetProperty(c => c.FirstOrderOn, first).SetProperty(c => c.LastOrderOn, last)
            .SetProperty(c => c.OrderTotal, total), ct);
    }

    private static IQueryable<OrderDto> Rows(IQueryable<Order> orders) => orders.Select(o => new OrderDto(
        o.Id, o.CompanyId, o.Company!.Name, o.Number, o.OrderedOn, o.Status, o.Currency, o.Total, o.ExternalId,
        o.Lines.OrderBy(l => l.Id)
            .Select(l => new OrderLineDto(l.Product, l.Category, l.Quantity, l.UnitPrice, l.LineTotal)).ToList(),
        o.CreatedAt, o.UpdatedAt, o.Version));

    // Validates the input, then applies it to the order (a new one when there is none yet), replacing its lines.
    private async Task<Order> ApplyAsync(AppDbContext db, Order? existing, OrderInput input, CancellationToken ct)
    {
        var id = existing?.Id;
        var errors = new Errors();
        if (input.CompanyId is not { } companyId)
        {
            errors.Add("companyId", "Required.");
        }
        else if (!await db.Companies.AnyAsync(c => c.Id == companyId, ct))
        {
            errors.Add("companyId", "No company with this id.");
        }
        var number = errors.Required("number", input.Number, Order.NumberMax);
        if (number is not null && await db.Orders.AnyAsync(o => o.Number == number && o.Id != id, ct))
        {
            errors.Add("number", "Another order already has this number.");
        }
        if (input.OrderedOn is null)
        {
            errors.Add("orderedOn", "Required (yyyy-mm-dd).");
        }
        LeadService.CheckEnum(errors, "status", input.Status);
        var currency = LeadService.CheckCurrency(errors, input.Currency);
        var externalId = errors.Optional("externalId", input.ExternalId, Order.ExternalIdMax);
        var lines = new List<(string Product, string? Category, decimal Quantity, decimal UnitPrice)>();
        var inputs = input.Lines ?? [];
        if (inputs.Count > Order.LinesMax)
        {
            errors.Add("lines", "At most 500 lines.");
        }
        for (var i = 0; i < Math.Min(inputs.Count, Order.LinesMax); i++)
        {
            var l = inputs[i];
            var product = errors.Required($"lines[{i}].product", l?.Product, OrderLine.ProductMax);
            var category = errors.Optional($"lines[{i}].category", l?.Category, OrderLine.CategoryMax);
            if (l?.Quantity is not (> 0 and <= OrderLine.QuantityMax))
            {
                errors.Add($"lines[{i}].quantity", "Must be above 0 and at most 10,000,000.");
            }
            if (l?.UnitPrice is not (>= 0 and <= OrderLine.UnitPriceMax))
            {
                errors.Add($"lines[{i}].unitPrice", "Must be between 0 and 1,000,000,000.");
            }
            if (l?.Quantity is { } q and > 0 and <= OrderLine.QuantityMax
                && l.UnitPrice is { } p and >= 0 and <= OrderLine.UnitPriceMax
                && OrderLine.TotalOf(q, p) > Order.TotalMax)
            {
                // Each factor is in range, but the product would not fit the stored amount.
                errors.Add($"lines[{i}].quantity", "Quantity × unit price must be at most 1,000,000,000,000.");
            }
            else if (product is not null && l!.Quantity is { } quantity && l.UnitPrice is { } price)
            {
                lines.Add((product, category, quantity, price));
            }
        }
        if (lines.Sum(l => OrderLine.TotalOf(l.Quantity, l.UnitPrice)) > Order.TotalMax)
        {
            errors.Add("lines", "The lines add up to more than 1,000,000,000,000.");
        }
        if (inputs.Count == 0 && input.Total is not (>= 0 and <= Order.TotalMax))
        {
            errors.Add("total", "Give the order's lines, or its total (0 or more).");
        }
        errors.ThrowIfAny();

        var order = existing ?? Order.Place(number!, input.CompanyId!.Value, input.OrderedOn!.Value,
            options.Value.DefaultCurrency);
        order.CompanyId = input.CompanyId!.Value;
        order.Number = number!;
        order.OrderedOn = input.OrderedOn!.Value;
        order.Status = input.Status ?? Order.DefaultStatus;
        order.Currency = currency ?? order.Currency;
        order.ExternalId = externalId;
        foreach (var old in order.Lines.ToList())
        {
            db.Remove(old);
        }
        order.Lines = [];
        foreach (var (product, category, quantity, unitPrice) in lines)
        {
            order.AddLine(product, category, quantity, unitPrice);
        }
        order.Total = order.Lines.Count > 0 ? order.Lines.Sum(l => l.LineTotal) : input.Total!.Value;
        return order;
    }
}
