using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Inbox.Settings;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Money;

/// <summary>A sum in the workspace currency, and what could not be converted into it (left out, never added).</summary>
public sealed record MoneyTotal(decimal Value, string Currency, int Unconverted, IReadOnlyList<string> MissingRates)
{
    public bool Complete => Unconverted == 0;
}

/// <summary>
/// The one home of conversion: amounts into the workspace currency at the rate valid on a date (the latest rate
/// from that date or before). An amount whose currency has no such rate converts to null, and sums report it.
/// </summary>
public sealed class CurrencyConverter
{
    /// <summary>The stored setting that overrides <c>Crm:DefaultCurrency</c>.</summary>
    public const string SettingName = "Workspace:Currency";

    // Per currency, its rates newest first.
    private readonly Dictionary<string, (DateOnly From, decimal Rate)[]> _rates;

    private CurrencyConverter(string workspace, Dictionary<string, (DateOnly, decimal)[]> rates) =>
        (Workspace, _rates) = (workspace, rates);

    public string Workspace { get; }

    /// <summary>The workspace currency: the admins' setting, else the configured default.</summary>
    public static async Task<string> WorkspaceCurrencyAsync(AppDbContext db, CrmOptions options,
        CancellationToken ct)
    {
        var stored = await db.StoredSettings.AsNoTracking().Where(s => s.Name == SettingName)
            .Select(s => s.Value).FirstOrDefaultAsync(ct);
        return Iso4217.IsCode(stored) ? stored! : options.DefaultCurrency;
    }

    public static async Task<CurrencyConverter> LoadAsync(AppDbContext db, CrmOptions options, CancellationToken ct)
    {
        var workspace = await WorkspaceCurrencyAsync(db, options, ct);
        var rows = await db.ExchangeRates.AsNoTracking().Where(r => r.BaseCurrency == workspace)
            .Select(r => new { r.Currency, r.ValidFrom, r.Rate }).ToListAsync(ct);
        return new CurrencyConverter(workspace, rows.GroupBy(r => r.Currency).ToDictionary(
            g => g.Key, g => g.OrderByDescending(r => r.ValidFrom).Select(r => (r.ValidFrom, r.Rate)).ToArray()));
    }

    /// <summary>What one unit of the currency is worth in the workspace currency on the date; null: no rate.</summary>
    public decimal? RateOn(string currency, DateOnly on)
    {
        if (currency == Workspace)
        {
            return 1m;
        }
        if (_rates.TryGetValue(currency, out var rates))
        {
            foreach (var (from, rate) in rates)
            {
                if (from <= on)
                {
                    return rate;
                }
            }
        }
        return null;
    }

    /// <summary>The amount in the workspace currency, or null when its currency has no rate on the date.</summary>
    public decimal? Convert(decimal amount, string currency, DateOnly on) =>
        currency == Workspace ? amount : amount * RateOn(currency, on);

    /// <summary>Adds the amounts that can be converted; the others are counted with their currencies.</summary>
    public MoneyTotal Sum(IEnumerable<(decimal Amount, string Currency)> amounts, DateOnly on)
    {
        decimal total = 0;
        var unconverted = 0;
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (amount, currency) in amounts)
        {
            if (Convert(amount, currency, on) is { } value)
            {
                total += value;
            }
            else
            {
                unconverted++;
                missing.Add(currency);
            }
        }
        return new MoneyTotal(decimal.Round(total, 2), Workspace, unconverted, [.. missing]);
    }
}
