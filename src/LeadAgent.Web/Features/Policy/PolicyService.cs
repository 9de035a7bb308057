using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Qualification.Work;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Policy;

/// <summary>
/// The allow and block lists. Who may do what: sales and admins may block (a salesperson who learns "never contact
/// them" acts at once); only admins may allow (an exemption overrides someone's block) or remove an entry (taking
/// someone off the block list is a decision, not a click). An entry that exists already is a 409.
/// </summary>
public sealed class PolicyService(IDbContextFactory<AppDbContext> dbFactory, PolicyCheck check, TimeProvider time)
{
    public async Task<List<PolicyEntryDto>> ListAsync(PolicyQuery query, CancellationToken ct = default)
    {
        var errors = new Errors();
        var list = Parse<PolicyList>("list", query.List, errors);
        var kind = Parse<PolicyKind>("kind", query.Kind, errors);
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.PolicyEntries.AsNoTracking();
        q = list is { } l ? q.Where(e => e.List == l) : q;
        q = kind is { } k ? q.Where(e => e.Kind == k) : q;
        var entries = (await q.OrderByDescending(e => e.CreatedAt).ToListAsync(ct)).Select(PolicyEntryDto.Of);
        var text = query.Q?.Trim();
        return (string.IsNullOrEmpty(text) ? entries : entries.Where(e =>
            e.Display.Contains(text, StringComparison.OrdinalIgnoreCase)
            || e.Value.Contains(text, StringComparison.OrdinalIgnoreCase)
            || e.Reason.Contains(text, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    public async Task<PolicyEntryDto> AddAsync(PolicyInput input, CancellationToken ct = default)
    {
        var errors = new Errors();
        var list = Parse<PolicyList>("list", input.List, errors) ?? PolicyList.Block;
        var kind = Parse<PolicyKind>("kind", input.Kind, errors);
        if (kind is null && !errors.Any)
        {
            errors.Add("kind", "Required: domain, company, contact, email, emaildomain, phone or keyword.");
        }
        var reason = errors.Required("reason", input.Reason, PolicyEntry.ReasonMax);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (value, label) = kind is { } k ? await ValueAsync(db, k, input, errors, ct) : (null, null);
        errors.ThrowIfAny();
        if (list == PolicyList.Allow)
        {
            await db.RequireAdminAsync();
        }
        else
        {
            await db.RequireWriterAsync("block companies, contacts or domains");
        }
        if (await db.PolicyEntries.AnyAsync(e => e.Kind == kind && e.Value == value && e.List == list, ct))
        {
            throw new ConflictException($"{value} is already on the {list.ToString().ToLowerInvariant()} list.");
        }
        var entry = await NewEntryAsync(db, list, kind!.Value, value!, label, reason!);
        db.PolicyEntries.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException($"{value} is already on the {list.ToString().ToLowerInvariant()} list.");
        }
        finally
        {
            check.Invalidate();
        }
        return PolicyEntryDto.Of(entry);
    }

    public async Task RemoveAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var removed = await db.PolicyEntries.Where(e => e.Id == id).ExecuteDeleteAsync(ct);
        if (removed == 0)
        {
            throw new NotFoundException("Policy entry", id);
        }
        // A set-based delete passes the save hooks: queue the brain's sweep here, so what was blocked is judged again.
        await QualificationTriggers.QueueSweepAsync(db, "policy entry removed", db.Time.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        check.Invalidate();
    }

    public async Task<PolicyVerdictDto> CheckAsync(PolicyCheckInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var verdict = await check.CheckAsync(db, new PolicySubject(input.Domain, input.CompanyId, input.ContactId,
            input.Email, input.Phone, input.Text is { Length: > 100_000 } t ? t[..100_000] : input.Text), ct);
        return PolicyVerdictDto.Of(verdict);
    }

    /// <summary>
    /// Blocks a domain as part of another feature's change (discovery's "block"), on its context and transaction:
    /// the caller saves, then calls <see cref="PolicyCheck.Invalidate"/>. Nothing is added when it is blocked already.
    /// </summary>
    public async Task BlockDomainAsync(AppDbContext db, string domain, string reason, CancellationToken ct)
    {
        var value = PolicyValues.Host(domain) ?? domain;
        if (!await db.PolicyEntries.AnyAsync(e => e.Kind == PolicyKind.Domain && e.Value == value
                && e.List == PolicyList.Block, ct))
        {
            db.PolicyEntries.Add(await NewEntryAsync(db, PolicyList.Block, PolicyKind.Domain, value, null, reason));
        }
    }

    private async Task<PolicyEntry> NewEntryAsync(AppDbContext db, PolicyList list, PolicyKind kind, string value,
        string? label, string reason)
    {
        var actor = await db.GetActorAsync();
        return new PolicyEntry
        {
            List = list,
            Kind = kind,
            Value = value,
            Label = label is { Length: > 200 } ? label[..200] : label,
            Reason = reason,
            AuthorName = actor.Name.Length > 256 ? actor.Name[..256] : actor.Name,
            AuthorId = actor.UserId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
    }

    private static async Task<(string? Value, string? Label)> ValueAsync(AppDbContext db, PolicyKind kind,
        PolicyInput input, Errors errors, CancellationToken ct)
    {
        var raw = input.Value?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            errors.Add("value", "Required.");
            return (null, null);
        }
        if (raw.Length > PolicyEntry.ValueMax)
        {
            errors.Add("value", $"At most {PolicyEntry.ValueMax} characters.");
            return (null, null);
        }
        string? value = null, label = null, error = null;
        switch (kind)
        {
            case PolicyKind.Domain or PolicyKind.EmailDomain:
                value = PolicyValues.Host(raw);
                error = "Not a domain such as example.de (a public suffix such as co.uk cannot be listed).";
                break;
            case PolicyKind.Email:
                (value, error) = Crm.Normalization.EmailAddresses.Normalize(raw);
                break;
            case PolicyKind.Phone:
                value = PolicyValues.Phone(raw, input.Country);
                error = "Not a valid phone number (write it with its country code, e.g. +49 89 1234567).";
                break;
            case PolicyKind.Keyword:
                value = PolicyValues.Keyword(raw);
                value = value.Length is >= 2 and <= PolicyValues.KeywordMax ? value : null;
                error = $"A word or phrase of 2 to {PolicyValues.KeywordMax} letters or digits.";
                break;
            case PolicyKind.Company when Guid.TryParse(raw, out var companyId):
                label = await db.Companies.Where(c => c.Id == companyId).Select(c => c.Name).FirstOrDefaultAsync(ct);
                value = label is null ? null : companyId.ToString();
                error = "No company with this id.";
                break;
            case PolicyKind.Contact when Guid.TryParse(raw, out var contactId):
                label = await db.Contacts.Where(c => c.Id == contactId)
                    .Select(c => c.FirstName + " " + (c.LastName ?? "")).FirstOrDefaultAsync(ct);
                value = label is null ? null : contactId.ToString();
                label = label?.Trim();
                error = "No contact with this id.";
                break;
            default:
                error = "Give the record's id.";
                break;
        }
        if (value is null)
        {
            errors.Add("value", error ?? "Not valid.");
        }
        return (value, label);
    }

    private static T? Parse<T>(string field, string? text, Errors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Enum.TryParse<T>(text.Trim().Replace("-", "", StringComparison.Ordinal), true, out var value)
            && Enum.IsDefined(value))
        {
            return value;
        }
        errors.Add(field, $"One of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}.");
        return null;
    }
}
