using LeadAgent.Web.Features.Companies.Import;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Features.Orders;

namespace LeadAgent.Web.Features.Orders.Import;

/// <summary>
/// An order row. Several rows with the same order number are the lines of one order; a line is identified by its
/// product and category, so importing the same file again changes nothing.
/// </summary>
internal static class OrderRows
{
    public static RowResult Apply(ImportSession s, ImportRow r)
    {
        var number = r.Text("number", 64, required: true);
        var orderedOn = r.Date("ordered_on", required: true);
        var status = r.Enum<OrderStatus>("status");
        var currency = r.Currency("currency");
        var total = r.Decimal("total", 0, 1_000_000_000_000);
        var product = r.Text("product", 200);
        var category = r.Text("category", 100);
        var quantity = r.Decimal("quantity", 0.0001m, 10_000_000);
        var unitPrice = r.Decimal("unit_price", 0, 1_000_000_000);
        var ext = r.Text("external_id", 100);
        if (product is null && total is null && r.Errors.Count == 0)
        {
            r.Error("total", "Give the order's total, or a product line with quantity and unit price.");
        }
        if (product is not null && (quantity is null || unitPrice is null) && r.Errors.Count == 0)
        {
            r.Error(quantity is null ? "quantity" : "unit_price", "Required with a product.");
        }
        if (r["company_name"] is null && r["company_domain"] is null)
        {
            r.Error("company_name", "Name the client company (or its website).");
        }
        var (company, _) = CompanyRows.Referenced(s, r, required: true);
        if (r.Errors.Count > 0)
        {
            return ImportSession.Rejected(r);
        }
        if (company is null)
        {
            return new(RowOutcome.Skipped, "No existing company matches this row.");
        }

        var order = s.FindOrder(number!, ext);
        var isNew = order is null;
        if (order is null)
        {
            if (s.Run.Mode == ImportMode.UpdateOnly)
            {
                return new(RowOutcome.Skipped, "No existing order matches this row.");
            }
            order = new Order { Number = number!, CompanyId = company.Id, OrderedOn = orderedOn!.Value, Status = status ?? OrderStatus.Confirmed, Currency = currency ?? "EUR", ExternalId = ext };
            s.Db.Orders.Add(order);
            s.Index(order);
        }
        else if (s.Run.Mode == ImportMode.CreateOnly && !s.IsNewThisBatch(order))
        {
            return new(RowOutcome.Skipped, $"Duplicate of the existing order {order.Number}.");
        }

        var changed = false;
        if (!isNew)
        {
            if (order.CompanyId != company.Id) { s.OrderCompanies.Add(order.CompanyId); order.CompanyId = company.Id; changed = true; }
            if (order.OrderedOn != orderedOn) { order.OrderedOn = orderedOn!.Value; changed = true; }
            if (status is { } st && st != order.Status) { order.Status = st; changed = true; }
            changed |= ImportSession.Set(order.Currency, currency, v => order.Currency = v);
            changed |= ImportSession.Set(order.ExternalId, ext, v => order.ExternalId = v);
        }
        if (product is not null)
        {
            var lineTotal = Math.Round(quantity!.Value * unitPrice!.Value, 2);
            var line = order.Lines.FirstOrDefault(l => string.Equals(l.Product, product, StringComparison.OrdinalIgnoreCase)
                && string.Equals(l.Category ?? "", category ?? "", StringComparison.OrdinalIgnoreCase));
            if (line is null)
            {
                line = new OrderLine { OrderId = order.Id, Product = product, Category = category, Quantity = quantity.Value, UnitPrice = unitPrice.Value, LineTotal = lineTotal };
                order.Lines.Add(line);
                if (!isNew)
                {
                    s.Db.Add(line);
                }
                changed = true;
            }
            else if (line.Quantity != quantity || line.UnitPrice != unitPrice)
            {
                (line.Quantity, line.UnitPrice, line.LineTotal) = (quantity.Value, unitPrice.Value, lineTotal);
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
            s.Db.Entry(order).Property(o => o.UpdatedAt).IsModified = true;
        }
        s.OrderCompanies.Add(company.Id);
        return isNew ? RowResult.Created : changed ? (s.IsNewThisBatch(order) ? RowResult.Created : RowResult.Updated) : RowResult.Unchanged;
    }
}
