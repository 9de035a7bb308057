using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Crm.Normalization;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Inbox.Sending;

public sealed record SuppressionInput(string? Address, string? Reason);

public sealed record SuppressionDto(Guid Id, string Address, string Reason, DateTime CreatedAt);

/// <summary>The e-mail suppression list (unsubscribed, bounced, complained): the composer and the API refuse to send to these.</summary>
public sealed class SuppressionService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<List<SuppressionDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Suppressions.AsNoTracking().OrderBy(s => s.Address).Select(s => new SuppressionDto(s.Id, s.Address, s.Reason, s.CreatedAt)).ToListAsync(ct);
    }

    public async Task<SuppressionDto> AddAsync(SuppressionInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireWriterAsync("suppress addresses");
        var errors = new Errors();
        var (address, error) = ContactPoints.Email(input.Address);
        if (error is not null)
        {
            errors.Add("address", error);
        }
        var reason = errors.Required("reason", input.Reason, 200);
        errors.ThrowIfAny();
        var existing = await db.Suppressions.FirstOrDefaultAsync(s => s.Address == address, ct);
        if (existing is null)
        {
            existing = db.Suppressions.Add(new Suppression { Address = address!, Reason = reason!, CreatedAt = time.GetUtcNow().UtcDateTime }).Entity;
            await db.SaveChangesAsync(ct);
        }
        return new SuppressionDto(existing.Id, existing.Address, existing.Reason, existing.CreatedAt);
    }

    public async Task RemoveAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        if (await db.Suppressions.Where(s => s.Id == id).ExecuteDeleteAsync(ct) == 0)
        {
            throw new NotFoundException("Suppression", id);
        }
    }
}
