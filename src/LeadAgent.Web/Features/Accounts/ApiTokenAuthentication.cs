using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Accounts;

/// <summary>Authenticates <c>Authorization: Bearer la_…</c> personal tokens against their stored hashes.</summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<AppDbContext> dbFactory, IOptions<IdentityOptions> identity, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = AppClaims.TokenId;
    public const string Prefix = "la_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return AuthenticateResult.Fail("Malformed token.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var hash = Hash(secret);
        var token = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token is null || token.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("Unknown or revoked token.");
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId, Context.RequestAborted);
        // Only an admin's lock sets LockoutEnd: wrong passwords at the login never do, so they cannot disable tokens.
        if (user is null || (user.LockoutEnd is { } end && end > time.GetUtcNow()))
        {
            return AuthenticateResult.Fail("The token's user is disabled.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            // Coarse "last used" without a write per request.
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        // The claims Identity's principal factory would make (the app keeps no user or role claims), from one
        // query for the roles instead of its one per role: this runs on every API request.
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(Context.RequestAborted);
        var types = identity.Value.ClaimsIdentity;
        var claims = new ClaimsIdentity(SchemeName, types.UserNameClaimType, types.RoleClaimType);
        claims.AddClaim(new Claim(types.UserIdClaimType, user.Id));
        claims.AddClaim(new Claim(types.UserNameClaimType, user.UserName ?? ""));
        if (user.Email is { } email)
        {
            claims.AddClaim(new Claim(types.EmailClaimType, email));
        }
        claims.AddClaim(new Claim(types.SecurityStampClaimType, user.SecurityStamp ?? ""));
        claims.AddClaims(roles.Select(r => new Claim(types.RoleClaimType, r)));
        claims.AddClaim(new Claim(TokenIdClaim, token.Id.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), SchemeName));
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewSecret() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
