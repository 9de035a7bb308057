namespace LeadAgent.Web.Features.Orders;

public sealed record OrderLineDto(
    string Product, string? Category, decimal Quantity, decimal UnitPrice, decimal LineTotal);

public sealed record OrderDto(
    Guid Id,
    Guid CompanyId,
    string CompanyName,
    string Number,
    DateOnly OrderedOn,
    OrderStatus Status,
    string Currency,
    decimal Total,
    string? ExternalId,
    List<OrderLineDto> Lines,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    long Version);

public sealed record OrderLineInput(string? Product, string? Category, decimal? Quantity, decimal? UnitPrice);

/// <summary>
/// Create or replace an order. With lines the total is their sum; without lines give <see cref="Total"/>.
/// </summary>
public sealed record OrderInput
{
    public Guid? CompanyId { get; init; }
    public string? Number { get; init; }
    public DateOnly? OrderedOn { get; init; }
    public OrderStatus? Status { get; init; }
    public string? Currency { get; init; }
    public decimal? Total { get; init; }
    public string? ExternalId { get; init; }
    public List<OrderLineInput>? Lines { get; init; }
    public long? Version { get; init; }
}

public sealed record MoneyBy(string Key, string Currency, decimal Amount);

/// <summary>A client's order history at a glance; cancelled orders are left out.</summary>
public sealed record OrderSummary(
    int OrderCount,
    DateOnly? FirstOrderOn,
    DateOnly? LastOrderOn,
    List<MoneyBy> TotalByCurrency,
    List<MoneyBy> AverageByCurrency,
    List<MoneyBy> TotalByYear,
    List<MoneyBy> TotalByCategory);
