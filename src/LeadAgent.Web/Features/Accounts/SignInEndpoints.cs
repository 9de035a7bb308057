using System.Security.Claims;
using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LeadAgent.Web.Features.Accounts;

/// <summary>
/// The login form posts here (static SSR page + antiforgery token). Unknown e-mails cost the same password hashing
/// as known ones and get the same answer, so neither timing nor text tells which addresses have accounts.
/// </summary>
internal static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", LoginAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/logout", async (
            SignInManager<AppUser> signIn, SessionGuard sessions, ClaimsPrincipal principal) =>
        {
            // A copy of the cookie saved before signing out must not work afterwards either.
            if (await signIn.UserManager.GetUserAsync(principal) is { } user)
            {
                await sessions.EndAllAsync(user);
            }
            await signIn.SignOutAsync();
            return Results.Redirect("/login");
        }).RequireAuthorization(Policies.Read).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> LoginAsync(
        [FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl, HttpContext http,
        SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, LoginThrottle throttle, TimeProvider time)
    {
        var target = ReturnUrls.Safe(returnUrl);
        var account = (email ?? "").Trim().ToLowerInvariant();
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        RememberTyped(http, account);
        if (await throttle.AttemptAsync(account, address))
        {
            return Back("paused", target);
        }
        var users = signIn.UserManager;
        var user = account.Length is > 0 and <= 256 ? await users.FindByEmailAsync(account) : null;
        var valid = user is null
            ? DummyCheck(hasher, password ?? "")
            : await users.CheckPasswordAsync(user, password ?? "");
        if (!valid)
        {
            return Back(await throttle.FailedAsync(account, address) ? "paused" : "invalid", target);
        }
        await throttle.SucceededAsync(account, address);
        if (user!.LockoutEnd is { } end && end > time.GetUtcNow())
        {
            // Only someone who knows the password learns that an admin disabled the account.
            return Back("disabled", target);
        }
        await signIn.SignInAsync(user, isPersistent: true);
        http.Response.Cookies.Delete(TypedEmailCookie, new CookieOptions { Path = "/login" });
        return Results.Redirect(target);
    }

    /// <summary>The login page shows the typed e-mail again after a failure; a cookie keeps it out of URLs.</summary>
    public const string TypedEmailCookie = "la_login_email";

    private static void RememberTyped(HttpContext http, string account)
    {
        if (account.Length is > 0 and <= 256)
        {
            http.Response.Cookies.Append(TypedEmailCookie, account, new CookieOptions
            {
                Path = "/login",
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps, // no MaxAge: a session cookie, gone when the browser closes
            });
        }
    }

    private static IResult Back(string error, string target) =>
        Results.Redirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(target)}");

    private static readonly AppUser Nobody = new();
    private static string? _dummyHash;

    /// <summary>Hashes the typed password against a throwaway hash: the work a known user's check costs.</summary>
    private static bool DummyCheck(IPasswordHasher<AppUser> hasher, string password)
    {
        _dummyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
        hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
        return false;
    }
}

/// <summary>Where to go after signing in: a path on this site, or the dashboard.</summary>
public static class ReturnUrls
{
    /// <summary>
    /// Only a local path of printable ASCII ("/leads?x=1"); anything else (absolute URLs, "//host", "/\host",
    /// control characters, which a Location header cannot carry) goes to "/".
    /// </summary>
    public static string Safe(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || url[0] != '/')
        {
            return "/";
        }
        if (url.Length > 1 && url[1] is '/' or '\\')
        {
            return "/";
        }
        return url.All(c => c is > ' ' and <= '~' and not '\\') ? url : "/";
    }
}
