using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Export;
using LeadAgent.Web.Features.Orders;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Orders.Export;

public sealed record OrderExportRow(
    string Number,
    DateOnly OrderedOn,
    OrderStatus Status,
    string Currency,
    decimal Total,
    string CompanyName,
    string? CompanyDomain,
    string? Product,
    string? Category,
    decimal? Quantity,
    decimal? UnitPrice,
    string? ExternalId);

/// <summary>
/// Order export: one row per order line (an order without lines is one row with its total), as the order import
/// reads them.
/// </summary>
public static class OrderExport
{
    public static readonly IReadOnlyList<Column<OrderExportRow>> Columns =
    [
        new("number", r => r.Number),
        new("ordered_on", r => CsvExport.Date(r.OrderedOn)),
        new("status", r => r.Status.ToString()),
        new("currency", r => r.Currency),
        new("total", r => CsvExport.Number(r.Total)),
        new("company_name", r => r.CompanyName),
        new("company_domain", r => r.CompanyDomain),
        new("product", r => r.Product),
        new("category", r => r.Category),
        new("quantity", r => CsvExport.Number(r.Quantity)),
        new("unit_price", r => CsvExport.Number(r.UnitPrice)),
        new("external_id", r => r.ExternalId),
    ];

    public static async IAsyncEnumerable<OrderExportRow> Rows(AppDbContext db, Guid? companyId)
    {
        var orders = db.Orders.AsNoTracking();
        if (companyId is { } id)
        {
            orders = orders.Where(o => o.CompanyId == id);
        }
        var rows = orders.OrderBy(o => o.Id).Select(o => new
        {
            o.Number,
            o.OrderedOn,
            o.Status,
            o.Currency,
            o.Total,
            Company = o.Company!.Name,
            o.Company.Domain,
            o.ExternalId,
            Lines = o.Lines.OrderBy(l => l.Id)
                .Select(l => new { l.Product, l.Category, l.Quantity, l.UnitPrice })
                .ToList(),
        }).AsAsyncEnumerable();
        await foreach (var o in rows)
        {
            if (o.Lines.Count == 0)
            {
                yield return new OrderExportRow(o.Number, o.OrderedOn, o.Status, o.Currency, o.Total, o.Company,
                    o.Domain, null, null, null, null, o.ExternalId);
            }
            foreach (var l in o.Lines)
            {
                yield return new OrderExportRow(o.Number, o.OrderedOn, o.Status, o.Currency, o.Total, o.Company,
                    o.Domain, l.Product, l.Category, l.Quantity, l.UnitPrice, o.ExternalId);
            }
        }
    }
}
