using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Orders;

public enum OrderStatus { Draft, Confirmed, Shipped, Invoiced, Paid, Cancelled }

/// <summary>What a client company ordered. Money is decimal + ISO currency, never floating point.</summary>
public sealed class Order : Entity, IAudited
{
    public const int NumberMax = 64, CurrencyLength = 3, ExternalIdMax = 100, LinesMax = 500;
    public const decimal TotalMax = 1_000_000_000_000m;
    /// <summary>The currency of an order that names none, where no configured default applies (imports).</summary>
    public const string DefaultCurrency = "EUR";
    public const OrderStatus DefaultStatus = OrderStatus.Confirmed;

    /// <summary>A new order, <see cref="DefaultStatus"/>, without lines yet.</summary>
    public static Order Place(string number, Guid companyId, DateOnly orderedOn, string currency = DefaultCurrency) =>
        new()
        {
            Number = number,
            CompanyId = companyId,
            OrderedOn = orderedOn,
            Status = DefaultStatus,
            Currency = currency,
        };

    /// <summary>Adds a line, its total rounded to cents, and returns it.</summary>
    public OrderLine AddLine(string product, string? category, decimal quantity, decimal unitPrice)
    {
        var line = new OrderLine
        {
            OrderId = Id,
            Product = product,
            Category = category,
            Quantity = quantity,
            UnitPrice = unitPrice,
            LineTotal = OrderLine.TotalOf(quantity, unitPrice),
        };
        Lines.Add(line);
        return line;
    }

    public Guid CompanyId { get; set; }
    public Company? Company { get; set; }
    public required string Number { get; set; }
    public DateOnly OrderedOn { get; set; }
    public OrderStatus Status { get; set; }
    public string Currency { get; set; } = DefaultCurrency;
    /// <summary>Sum of the lines, or the given total for an order recorded without lines.</summary>
    public decimal Total { get; set; }
    /// <summary>The order's id in the system it came from (ERP, shop), for re-imports.</summary>
    public string? ExternalId { get; set; }
    public List<OrderLine> Lines { get; set; } = [];

    // Orders appear on their company's timeline.
    string IAudited.AuditType => nameof(Company);
    Guid IAudited.AuditId => CompanyId;
    string IAudited.AuditLabel => $"Order {Number}";
}

public sealed class OrderLine
{
    public const int ProductMax = 200, CategoryMax = 100;
    public const decimal QuantityMin = 0.0001m, QuantityMax = 10_000_000m, UnitPriceMax = 1_000_000_000m;

    public static decimal TotalOf(decimal quantity, decimal unitPrice) => Math.Round(quantity * unitPrice, 2);

    public Guid Id { get; set; } = Ids.NewV7();
    public Guid OrderId { get; set; }
    public required string Product { get; set; }
    public string? Category { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal LineTotal { get; set; }
}
