using LeadAgent.Web.Features.Companies.Import;
using LeadAgent.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Orders.Import;

/// <summary>
/// An order row. Several rows with the same order number are the lines of one order; a line is identified by its
/// product and category, so importing the same file again changes nothing. Holds the batch's orders by number and
/// external id, and the companies whose order figures need recomputing.
/// </summary>
internal sealed class OrderRows(ImportBatch batch, CompanyRows companies)
{
    private readonly Dictionary<string, Order> _byNumber = [], _byExternalId = [];

    /// <summary>Companies whose orders this batch changed.</summary>
    public HashSet<Guid> Companies { get; } = [];

    /// <summary>Loads the orders with the rows' numbers or external ids, with their lines.</summary>
    public async Task LoadAsync(List<string> numbers, List<string> externalIds, CancellationToken ct)
    {
        var db = batch.Db;
        var orders = await db.Orders.Include(o => o.Lines).AsSplitQuery()
            .Where(o => EF.Parameter(numbers).Contains(o.Number)).ToListAsync(ct);
        if (externalIds.Count > 0)
        {
            orders.AddRange(await db.Orders.Include(o => o.Lines).AsSplitQuery()
                .Where(o => EF.Parameter(externalIds).Contains(o.ExternalId!)).ToListAsync(ct));
        }
        orders.ForEach(Index);
    }

    public RowResult Apply(ImportRow r)
    {
        var number = r.Text("number", Order.NumberMax, required: true);
        var orderedOn = r.Date("ordered_on", required: true);
        var status = r.Enum<OrderStatus>("status", keep: false);
        var (total, totalCurrency) = r.Money("total", 0, Order.TotalMax);
        var product = r.Text("product", OrderLine.ProductMax);
        var category = r.Text("category", OrderLine.CategoryMax);
        var quantity = r.Decimal("quantity", OrderLine.QuantityMin, OrderLine.QuantityMax);
        var (unitPrice, priceCurrency) = r.Money("unit_price", 0, OrderLine.UnitPriceMax);
        var currency = r.Currency("currency", ("total", totalCurrency), ("unit_price", priceCurrency));
        var ext = r.Text("external_id", Order.ExternalIdMax);
        if (product is null && total is null && r.Errors.Count == 0)
        {
            r.Error("total", "Give the order's total, or a product line with quantity and unit price.");
        }
        if (quantity is { } q && unitPrice is { } p && OrderLine.TotalOf(q, p) > Order.TotalMax)
        {
            r.Error("quantity", "Quantity × unit price must be at most 1,000,000,000,000.");
        }
        if (product is not null && (quantity is null || unitPrice is null) && r.Errors.Count == 0)
        {
            r.Error(quantity is null ? "quantity" : "unit_price", "Required with a product.");
        }
        if (r["company_name"] is null && r["company_domain"] is null)
        {
            r.Error("company_name", "Name the client company (or its website).");
        }
        var (company, _) = companies.Referenced(r, required: true);
        if (r.Errors.Count > 0)
        {
            return RowResult.Rejected(r);
        }
        if (company is null)
        {
            return new(RowOutcome.Skipped, "No existing company matches this row.");
        }

        var order = Find(number!, ext);
        var isNew = order is null;
        if (order is null)
        {
            if (batch.Run.Mode == ImportMode.UpdateOnly)
            {
                return new(RowOutcome.Skipped, "No existing order matches this row.");
            }
            order = Order.Place(number!, company.Id, orderedOn!.Value, currency ?? Order.DefaultCurrency);
            order.Status = status ?? Order.DefaultStatus;
            order.ExternalId = ext;
            batch.Db.Orders.Add(order);
            Index(order);
        }
        else if (batch.Run.Mode == ImportMode.CreateOnly && !batch.IsNewThisBatch(order))
        {
            return new(RowOutcome.Skipped, $"Duplicate of the existing order {order.Number}.");
        }

        var changed = !isNew && Update(order, company.Id, orderedOn!.Value, status, currency, ext);
        if (product is not null)
        {
            var line = order.Lines.FirstOrDefault(l =>
                string.Equals(l.Product, product, StringComparison.OrdinalIgnoreCase)
                && string.Equals(l.Category ?? "", category ?? "", StringComparison.OrdinalIgnoreCase));
            if (line is null)
            {
                line = order.AddLine(product, category, quantity!.Value, unitPrice!.Value);
                if (!isNew)
                {
                    batch.Db.Add(line);
                }
                changed = true;
            }
            else if (line.Quantity != quantity || line.UnitPrice != unitPrice)
            {
                (line.Quantity, line.UnitPrice) = (quantity!.Value, unitPrice!.Value);
                line.LineTotal = OrderLine.TotalOf(quantity.Value, unitPrice.Value);
                changed = true;
            }
        }
        var newTotal = order.Lines.Count > 0 ? order.Lines.Sum(l => l.LineTotal) : total ?? order.Total;
        if (newTotal != order.Total)
        {
            order.Total = newTotal;
            changed = true;
        }
        if (changed && !isNew)
        {
            // Line edits alone do not touch the order row; its timestamp and version must still move.
            batch.Db.Entry(order).Property(o => o.UpdatedAt).IsModified = true;
        }
        Companies.Add(company.Id);
        return isNew ? RowResult.Created
            : !changed ? RowResult.Unchanged
            : batch.IsNewThisBatch(order) ? RowResult.Created : RowResult.Updated;
    }

    private bool Update(Order order, Guid companyId, DateOnly orderedOn, OrderStatus? status, string? currency,
        string? ext)
    {
        var changed = false;
        if (order.CompanyId != companyId)
        {
            Companies.Add(order.CompanyId);
            order.CompanyId = companyId;
            changed = true;
        }
        if (order.OrderedOn != orderedOn) { order.OrderedOn = orderedOn; changed = true; }
        if (status is { } st && st != order.Status) { order.Status = st; changed = true; }
        changed |= ImportValues.Set(order.Currency, currency, v => order.Currency = v);
        changed |= ImportValues.Set(order.ExternalId, ext, v => order.ExternalId = v);
        return changed;
    }

    private void Index(Order o)
    {
        _byNumber.TryAdd(o.Number, o);
        if (o.ExternalId is not null)
        {
            _byExternalId.TryAdd(o.ExternalId, o);
        }
    }

    private Order? Find(string number, string? externalId) =>
        externalId is not null && _byExternalId.TryGetValue(externalId, out var byExt) ? byExt
        : _byNumber.GetValueOrDefault(number);
}
