using System.Security.Claims;
using LeadAgent.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Accounts;

/// <summary>Tells this node's open Blazor circuits at once that a user's sessions ended.</summary>
public sealed class SessionEvents
{
    public event Action<string>? Ended;

    public void Raise(string userId) => Ended?.Invoke(userId);
}

/// <summary>
/// A sign-in (cookie or circuit) stays valid only while the user's security stamp is the one it was issued with and
/// no admin has locked the user. Locking, a role change, a password change or reset and signing out change the stamp,
/// so every session of that user ends on its next request, on every node.
/// </summary>
/// <remarks>
/// The stamp is read on every cookie request (one primary-key query of two columns, like the token check): a cache
/// would have to be invalidated across nodes, and Identity's own validator alone re-checks only every
/// <see cref="SecurityStampValidatorOptions.ValidationInterval"/>, letting a demoted user write meanwhile.
/// </remarks>
public sealed class SessionGuard(
    IDbContextFactory<AppDbContext> dbFactory, IOptions<IdentityOptions> identity, UserManager<AppUser> users,
    SessionEvents events, TimeProvider time)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var claims = identity.Value.ClaimsIdentity;
        var id = principal.FindFirstValue(claims.UserIdClaimType);
        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        if (id is null || stamp is null)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.LockoutEnd })
            .FirstOrDefaultAsync(ct);
        return user is not null && user.SecurityStamp == stamp
            && !(user.LockoutEnd is { } end && end > time.GetUtcNow());
    }

    /// <summary>Ends every session of the user: new stamp, and this node's circuits are told at once.</summary>
    public async Task EndAllAsync(AppUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        events.Raise(user.Id);
    }

    /// <summary>
    /// The cookie's principal check: refuse a stale stamp at once, then let Identity refresh the claims at its
    /// interval.
    /// </summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var guard = context.HttpContext.RequestServices.GetRequiredService<SessionGuard>();
        if (context.Principal is null
            || !await guard.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
