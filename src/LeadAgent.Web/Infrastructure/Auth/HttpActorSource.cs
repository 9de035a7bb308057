using System.Security.Claims;
using LeadAgent.Web.Data;
using Microsoft.AspNetCore.Components.Authorization;

namespace LeadAgent.Web.Infrastructure.Auth;

/// <summary>The actor of the current scope: the HTTP request's principal, or the Blazor circuit's user.</summary>
public sealed class HttpActorSource(IHttpContextAccessor http, IServiceProvider services) : IActorSource
{
    private Actor? _override;

    /// <summary>Background work and the CLI act as the system or a named user.</summary>
    public void Set(Actor actor) => _override = actor;

    public async ValueTask<Actor> GetActorAsync()
    {
        if (_override is not null)
        {
            return _override;
        }
        if (http.HttpContext is { } context)
        {
            return FromPrincipal(context.User);
        }
        if (services.GetService<AuthenticationStateProvider>() is { } auth)
        {
            try
            {
                return FromPrincipal((await auth.GetAuthenticationStateAsync()).User);
            }
            catch (InvalidOperationException)
            {
                // Not inside a circuit.
            }
        }
        // Outside any request or circuit (workers, CLI, start-up) the system acts.
        return Actor.System;
    }

    /// <summary>No signed-in user in an HTTP request or circuit (e.g. the login page itself): may not change CRM data.</summary>
    public static readonly Actor Anonymous = new(ActorKind.User, null, "anonymous", null, []);

    public static Actor FromPrincipal(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? id ?? "unknown";
        var tokenId = user.FindFirstValue(AppClaims.TokenId);
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray();
        return tokenId is not null
            ? new Actor(ActorKind.Token, id, name, Guid.Parse(tokenId), roles)
            : new Actor(ActorKind.User, id, name, null, roles);
    }
}
