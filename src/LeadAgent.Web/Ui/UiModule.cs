using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace LeadAgent.Web.Ui;

public static class UiModule
{
    public static WebApplication MapUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        // The login form posts here (static SSR page + antiforgery token); Identity sets the cookie and applies
        // lockout.
        app.MapPost("/account/login", async (
            [FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl,
            SignInManager<AppUser> signIn) =>
        {
            var target = SafeReturnUrl(returnUrl);
            var user = await signIn.UserManager.FindByEmailAsync(email.Trim().ToLowerInvariant());
            if (user is null)
            {
                return Results.Redirect($"/login?error=invalid&returnUrl={Uri.EscapeDataString(target)}");
            }
            var result = await signIn.PasswordSignInAsync(user, password, isPersistent: true, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return Results.LocalRedirect(target);
            }
            var error = result.IsLockedOut ? "locked" : "invalid";
            return Results.Redirect($"/login?error={error}&returnUrl={Uri.EscapeDataString(target)}");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/account/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/login");
        }).RequireAuthorization(Policies.Read).ExcludeFromDescription();
        return app;
    }

    private static string SafeReturnUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/')
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
