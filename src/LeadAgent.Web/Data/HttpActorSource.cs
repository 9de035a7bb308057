using System.Security.Claims;
using LeadAgent.Web.Features.Crm.Activity;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace LeadAgent.Web.Data;

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
        var user = http.HttpContext?.User;
        if (user?.Identity?.IsAuthenticated != true && services.GetService<AuthenticationStateProvider>() is { } auth)
        {
            try
            {
                user = (await auth.GetAuthenticationStateAsync()).User;
            }
            catch (InvalidOperationException)
            {
                // Not inside a circuit.
            }
        }
        return FromPrincipal(user);
    }

    public static Actor FromPrincipal(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Actor.System;
        }
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? id ?? "unknown";
        var tokenId = user.FindFirstValue(ApiTokenAuthentication.TokenIdClaim);
        return tokenId is not null
            ? new Actor(ActorKind.Token, id, name, Guid.Parse(tokenId))
            : new Actor(ActorKind.User, id, name);
    }
}
