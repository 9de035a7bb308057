using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts.Passwords;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace LeadAgent.Web.Features.Accounts;

public static class AuthSetup
{
    private const string Smart = "SmartScheme";

    public static IHostApplicationBuilder AddAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B).
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                // Lockout stays enabled for admins' deliberate locks only: failed passwords never lock an account
                // (that let anyone disable a user and their tokens); LoginThrottle slows guessing instead.
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicy>();

        // Identity refreshes the cookie's claims at this interval (on the app's TimeProvider); SessionGuard
        // refuses a stale stamp on every request before that.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<SessionGuard>();
        services.AddSingleton<SessionEvents>();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<AuthenticationStateProvider, CircuitRevalidation>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "leadagent.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // The API answers 401/403 instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = SessionGuard.ValidateCookieAsync;
        });

        // Bearer tokens go to the token handler; everything else uses the Identity cookie.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Smart;
                o.DefaultAuthenticateScheme = Smart;
                o.DefaultChallengeScheme = Smart;
                o.DefaultForbidScheme = Smart;
            })
            .AddPolicyScheme(Smart, "Cookie or token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.Admin, Roles.Sales, Roles.Viewer))
            .AddPolicy(Policies.Write, p => p.RequireRole(Roles.Admin, Roles.Sales))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin))
            // Anything not marked otherwise needs a signed-in user with a role.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
                .RequireRole(Roles.All)
                .Build());

        services.AddCascadingAuthenticationState();
        services.AddScoped<TokenService>();
        services.AddScoped<UserService>();
        services.AddScoped<UserPreferences>();
        return builder;
    }

    private static Task ApiAware(
        RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api/v1") || ctx.Request.Path.StartsWithSegments("/openapi"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
