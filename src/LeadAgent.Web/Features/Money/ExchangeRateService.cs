using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.Inbox.Settings;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Money;

/// <summary>The workspace currency and the dated exchange rates into it: admins write, everyone reads.</summary>
public sealed class ExchangeRateService(IDbContextFactory<AppDbContext> dbFactory, IOptions<CrmOptions> options)
{
    public async Task<CurrencyConverter> ConverterAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CurrencyConverter.LoadAsync(db, options.Value, ct);
    }

    public async Task<WorkspaceCurrencyDto> GetCurrencyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var currency = await CurrencyConverter.WorkspaceCurrencyAsync(db, options.Value, ct);
        var stored = await db.StoredSettings.AnyAsync(s => s.Name == CurrencyConverter.SettingName, ct);
        return new WorkspaceCurrencyDto(currency, options.Value.DefaultCurrency, stored);
    }

    /// <summary>
    /// Sets the workspace currency. Rates are kept with the currency they were entered for: after a change only the
    /// rates into the new currency are used, so amounts without one show as not converted rather than wrong.
    /// </summary>
    public async Task<WorkspaceCurrencyDto> SetCurrencyAsync(WorkspaceCurrencyInput input,
        CancellationToken ct = default)
    {
        var errors = new Errors();
        var currency = Iso4217.Check(errors, "currency", input.Currency);
        errors.ThrowIfAny();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.RequireAdminAsync();
            var actor = await db.GetActorAsync();
            await db.PutSettingAsync(CurrencyConverter.SettingName, currency!, db.Time.GetUtcNow().UtcDateTime,
                actor.Name.Length > 256 ? actor.Name[..256] : actor.Name, ct);
            await db.SaveChangesAsync(ct);
        }
        return await GetCurrencyAsync(ct);
    }

    /// <summary>Every rate, newest first per currency; rates into a former workspace currency say so.</summary>
    public async Task<List<ExchangeRateDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workspace = await CurrencyConverter.WorkspaceCurrencyAsync(db, options.Value, ct);
        var rates = await db.ExchangeRates.AsNoTracking().ToListAsync(ct);
        return rates.OrderByDescending(r => r.BaseCurrency == workspace).ThenBy(r => r.BaseCurrency)
            .ThenBy(r => r.Currency).ThenByDescending(r => r.ValidFrom)
            .Select(r => ExchangeRateDto.Of(r, workspace)).ToList();
    }

    public async Task<ExchangeRateDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workspace = await CurrencyConverter.WorkspaceCurrencyAsync(db, options.Value, ct);
        var rate = await db.ExchangeRates.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException("Exchange rate", id);
        return ExchangeRateDto.Of(rate, workspace);
    }

    public async Task<ExchangeRateDto> AddAsync(ExchangeRateInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var workspace = await CurrencyConverter.WorkspaceCurrencyAsync(db, options.Value, ct);
        var rate = new ExchangeRate { Currency = "", BaseCurrency = workspace };
        await ApplyAsync(db, rate, input, ct);
        db.ExchangeRates.Add(rate);
        await SaveAsync(db, rate, ct);
        return ExchangeRateDto.Of(rate, workspace);
    }

    public async Task<ExchangeRateDto> UpdateAsync(Guid id, ExchangeRateInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var workspace = await CurrencyConverter.WorkspaceCurrencyAsync(db, options.Value, ct);
        var rate = await db.ExchangeRates.FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException("Exchange rate", id);
        if (input.Version is not { } version)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["version"] = ["Required on update: send the version you read."],
            });
        }
        // The UPDATE's WHERE uses the original value, so a stale version fails with a concurrency error (409).
        db.Entry(rate).Property(r => r.Version).OriginalValue = version;
        await ApplyAsync(db, rate, input, ct);
        await SaveAsync(db, rate, ct);
        return ExchangeRateDto.Of(rate, workspace);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var rate = await db.ExchangeRates.FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException("Exchange rate", id);
        db.ExchangeRates.Remove(rate);
        await db.SaveChangesAsync(ct);
    }

    private static async Task ApplyAsync(AppDbContext db, ExchangeRate rate, ExchangeRateInput input,
        CancellationToken ct)
    {
        var errors = new Errors();
        var currency = Iso4217.Check(errors, "currency", input.Currency);
        if (currency is not null && currency == rate.BaseCurrency)
        {
            errors.Add("currency", $"{currency} is the workspace currency: its rate is always 1.");
        }
        if (input.Rate is not { } value)
        {
            errors.Add("rate", $"Required: what one {currency ?? "unit"} is worth in {rate.BaseCurrency}.");
        }
        else if (value <= 0 || value > ExchangeRate.RateMax || decimal.Round(value, 8) != value)
        {
            errors.Add("rate", "Must be above 0 and at most 1,000,000, with at most 8 decimal places.");
        }
        var validFrom = input.ValidFrom ?? DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime);
        if (validFrom.Year is < 1900 or > 2999)
        {
            errors.Add("validFrom", "Must be a date between 1900 and 2999.");
        }
        if (currency is not null && await db.ExchangeRates.AnyAsync(r => r.Id != rate.Id && r.Currency == currency
                && r.BaseCurrency == rate.BaseCurrency && r.ValidFrom == validFrom, ct))
        {
            errors.Add("validFrom", $"There is a rate for {currency} from {validFrom:yyyy-MM-dd} already: edit it.");
        }
        errors.ThrowIfAny();
        (rate.Currency, rate.Rate, rate.ValidFrom) = (currency!, input.Rate!.Value, validFrom);
    }

    private static async Task SaveAsync(AppDbContext db, ExchangeRate rate, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            // Two admins adding the same day at once: the unique index decides.
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["validFrom"] = [$"There is a rate for {rate.Currency} from {rate.ValidFrom:yyyy-MM-dd} already."],
            });
        }
    }
}
