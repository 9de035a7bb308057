namespace LeadAgent.Web.Features.Money;

public sealed record ExchangeRateDto(
    Guid Id, string Currency, string BaseCurrency, decimal Rate, DateOnly ValidFrom, DateTime UpdatedAt,
    long Version, bool InUse)
{
    public static ExchangeRateDto Of(ExchangeRate r, string workspace) =>
        new(r.Id, r.Currency, r.BaseCurrency, r.Rate, r.ValidFrom, r.UpdatedAt, r.Version, r.BaseCurrency == workspace);
}

/// <summary>
/// A rate: one <see cref="Currency"/> is worth <see cref="Rate"/> of the workspace currency from
/// <see cref="ValidFrom"/> on (today when left out). On update, <see cref="Version"/> must be the version read.
/// </summary>
public sealed record ExchangeRateInput
{
    public string? Currency { get; init; }
    public decimal? Rate { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public long? Version { get; init; }
}

/// <summary>The workspace currency; <see cref="Configured"/> is the <c>Crm:DefaultCurrency</c> it falls back
/// to.</summary>
public sealed record WorkspaceCurrencyDto(string Currency, string Configured, bool FromSetting);

public sealed record WorkspaceCurrencyInput(string? Currency);
