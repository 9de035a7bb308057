using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Crm;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Money;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Limits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Leads;

/// <summary>Create, read, update and archive leads. Used by the API and the UI alike.</summary>
public sealed class LeadService(
    IDbContextFactory<AppDbContext> dbFactory, IOptions<CrmOptions> options, IOptions<LimitOptions> limits)
{
    public async Task<LeadRow> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Leads.AsNoTracking().Where(l => l.Id == id).ToRows().FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("Lead", id);
    }

    public async Task<Page<LeadRow>> ListAsync(LeadFilter filter, string? sort, int limit, string? cursor,
        Totals totals, string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        LeadValueSort? valueSort = null;
        if (sort?.TrimStart('-', '+').Trim() == "expectedValue")
        {
            var converter = await CurrencyConverter.LoadAsync(db, options.Value, ct);
            valueSort = LeadValueSort.For(db, converter, DateOnly.FromDateTime(db.Time.GetUtcNow().UtcDateTime));
        }
        return await LeadQueries.PageAsync(
            db, filter, sort, limit, cursor, totals, limits.Value.TotalCap, userId, valueSort, ct);
    }

    public async Task<LeadRow> CreateAsync(LeadInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await ApplyAsync(db, null, input, ct);
        db.Leads.Add(lead);
        await db.SaveChangesAsync(ct);
        return await GetAsync(lead.Id, ct);
    }

    public async Task<LeadRow> UpdateAsync(Guid id, LeadInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("Lead", id);
        RequireVersion(db, lead, input.Version);
        await ApplyAsync(db, lead, input, ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(lead.Id, ct);
    }

    /// <summary>
    /// Moves the lead to another status (the pipeline board): an ordinary update, logged and seen by the rules, that
    /// fails with a concurrency error when the lead changed since <paramref name="version"/> was read.
    /// </summary>
    public async Task<LeadRow> SetStatusAsync(Guid id, LeadStatus? status, long? version,
        CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("move leads");
        var errors = new Errors();
        if (status is null)
        {
            errors.Add("status", "Required.");
        }
        CheckEnum(errors, "status", status);
        errors.ThrowIfAny();
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("Lead", id);
        RequireVersion(db, lead, version);
        if (!lead.SetStatus(status!.Value, db.Time.GetUtcNow().UtcDateTime) && lead.Version != version)
        {
            // Nothing to save, but the caller's view is stale all the same.
            throw new DbUpdateConcurrencyException("The lead was changed by someone else.");
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(lead.Id, ct);
    }

    public async Task<LeadRow> SetArchivedAsync(Guid id, bool archived, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Archiving.SetAsync<Lead>(db, id, archived, ct);
        return await GetAsync(id, ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new NotFoundException("Lead", id);
        db.Leads.Remove(lead);
        await db.SaveChangesAsync(ct);
    }

    internal static void RequireVersion<T>(AppDbContext db, T entity, long? version) where T : Entity
    {
        if (version is null)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["version"] = ["Required on update: send the version you read."],
            });
        }
        // The UPDATE's WHERE uses the original value, so a stale version fails with a concurrency error (409).
        db.Entry(entity).Property(e => e.Version).OriginalValue = version.Value;
    }

    // Validates the input, then applies it to the lead (a new one when there is none yet).
    private async Task<Lead> ApplyAsync(AppDbContext db, Lead? existing, LeadInput input, CancellationToken ct)
    {
        var errors = new Errors();
        var title = errors.Required("title", input.Title, Lead.TitleMax);
        if (input.CompanyId is not { } companyId)
        {
            errors.Add("companyId", "Required.");
        }
        else if (!await db.Companies.AnyAsync(c => c.Id == companyId, ct))
        {
            errors.Add("companyId", "No company with this id.");
        }
        if (input.PrimaryContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId, ct))
        {
            errors.Add("primaryContactId", "No contact with this id.");
        }
        var ownerId = string.IsNullOrWhiteSpace(input.OwnerId) ? null : input.OwnerId.Trim();
        await LeadOwners.CheckAsync(db, errors, "ownerId", ownerId, ct);
        if (input.ExpectedValue is < 0 or > Lead.ExpectedValueMax)
        {
            errors.Add("expectedValue", "Must be between 0 and 1,000,000,000,000.");
        }
        var currency = CheckCurrency(errors, input.Currency);
        CheckEnum(errors, "status", input.Status);
        CheckEnum(errors, "source", input.Source);
        var tags = Tags.Normalize(input.Tags, errors);
        var custom = await CustomFieldInputs.NormalizeAsync(db, FieldRecord.Lead, input.CustomFields,
            existing?.CustomFields, errors, ct);
        errors.ThrowIfAny();

        var now = db.Time.GetUtcNow().UtcDateTime;
        var lead = existing
            ?? Lead.Open(title!, input.CompanyId!.Value, LeadSource.Manual, now, options.Value.DefaultCurrency);
        lead.SetStatus(input.Status ?? lead.Status, now);
        lead.Title = title!;
        lead.CompanyId = input.CompanyId!.Value;
        lead.PrimaryContactId = input.PrimaryContactId;
        lead.OwnerId = ownerId;
        lead.Source = input.Source ?? lead.Source;
        lead.ExpectedValue = input.ExpectedValue;
        lead.Currency = currency ?? lead.Currency;
        lead.NextActionOn = input.NextActionOn;
        lead.Tags = tags;
        lead.CustomFields = custom;
        return lead;
    }

    /// <summary>The currency code upper-cased, with an error unless it is three letters (ISO 4217).</summary>
    internal static string? CheckCurrency(Errors errors, string? input, string field = "currency")
    {
        var currency = input?.Trim().ToUpperInvariant();
        if (currency is not null && (currency.Length != Lead.CurrencyLength || !currency.All(char.IsAsciiLetterUpper)))
        {
            errors.Add(field, "Must be a three-letter ISO 4217 code.");
        }
        return currency;
    }

    internal static void CheckEnum<T>(Errors errors, string field, T? value) where T : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
        {
            errors.Add(field, $"Must be one of: {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }
}
