using LeadAgent.Web.Data;

namespace LeadAgent.Web.Features.Money;

/// <summary>
/// What one unit of <see cref="Currency"/> is worth in <see cref="BaseCurrency"/> (the workspace currency when the
/// rate was entered) from <see cref="ValidFrom"/> on, until a later rate of the same currency takes over. Rates of a
/// former workspace currency are kept but never used (an amount then has no rate rather than a wrong one).
/// </summary>
public sealed class ExchangeRate : Entity, IAudited
{
    public const decimal RateMax = 1_000_000m;

    public required string Currency { get; set; }
    public required string BaseCurrency { get; set; }
    public decimal Rate { get; set; }
    public DateOnly ValidFrom { get; set; }

    string IAudited.AuditType => nameof(ExchangeRate);
    Guid IAudited.AuditId => Id;
    string IAudited.AuditLabel => $"{Currency} → {BaseCurrency} from {ValidFrom:yyyy-MM-dd}";
}
