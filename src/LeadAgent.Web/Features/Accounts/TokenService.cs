using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Accounts;

public sealed record TokenDto(
    Guid Id, string Name, string Prefix, string UserId, DateTime CreatedAt, DateTime? LastUsedAt,
    DateTime? RevokedAt);

/// <summary>The only time the secret is visible.</summary>
public sealed record CreatedToken(TokenDto Token, string Secret);

public sealed record TokenInput(string? Name);

public sealed class TokenService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<List<TokenDto>> ListAsync(string? userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tokens = db.ApiTokens.AsNoTracking();
        if (userId is not null)
        {
            tokens = tokens.Where(t => t.UserId == userId);
        }
        return await tokens.OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenDto(t.Id, t.Name, t.Prefix, t.UserId, t.CreatedAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync(ct);
    }

    public async Task<CreatedToken> CreateAsync(string userId, TokenInput input, CancellationToken ct = default)
    {
        var errors = new Errors();
        var name = errors.Required("name", input.Name, 100);
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            throw new NotFoundException("User", userId);
        }
        var secret = ApiTokenAuthentication.NewSecret();
        var token = new ApiToken
        {
            UserId = userId,
            Name = name!,
            Prefix = secret[..10],
            Hash = ApiTokenAuthentication.Hash(secret),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new CreatedToken(
            new TokenDto(token.Id, token.Name, token.Prefix, token.UserId, token.CreatedAt, null, null), secret);
    }

    /// <summary>Revokes a token; <paramref name="ownerId"/> null lets an admin revoke anyone's.</summary>
    public async Task RevokeAsync(Guid id, string? ownerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens
            .FirstOrDefaultAsync(t => t.Id == id && (ownerId == null || t.UserId == ownerId), ct)
            ?? throw new NotFoundException("Token", id);
        token.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }
}
