using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;

namespace LeadAgent.Web.Features.Orders;

public enum OrderStatus { Draft, Confirmed, Shipped, Invoiced, Paid, Cancelled }

/// <summary>What a client company ordered. Money is decimal + ISO currency, never floating point.</summary>
public sealed class Order : Entity, IAudited
{
    public Guid CompanyId { get; set; }
    public Company? Company { get; set; }
    public required string Number { get; set; }
    public DateOnly OrderedOn { get; set; }
    public OrderStatus Status { get; set; }
    public string Currency { get; set; } = "EUR";
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
    public Guid Id { get; set; } = Ids.NewV7();
    public Guid OrderId { get; set; }
    public required string Product { get; set; }
    public string? Category { get; set; }
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal LineTotal { get; set; }
}
