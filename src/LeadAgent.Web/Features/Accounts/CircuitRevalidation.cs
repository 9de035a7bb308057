using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace LeadAgent.Web.Features.Accounts;

/// <summary>
/// An open Blazor circuit keeps the user it started with: it ends (the user becomes anonymous, pages send them to
/// the login and writes are refused) as soon as this node ends the user's sessions, and within a minute when another
/// node did.
/// </summary>
internal sealed class CircuitRevalidation : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopes;
    private readonly SessionEvents _events;

    public CircuitRevalidation(ILoggerFactory logs, IServiceScopeFactory scopes, SessionEvents events) : base(logs)
    {
        (_scopes, _events) = (scopes, events);
        _events.Ended += OnEnded;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState state, CancellationToken ct)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SessionGuard>().IsCurrentAsync(state.User, ct);
        }
        catch (ObjectDisposedException)
        {
            return false; // The app is stopping: its circuits end with it.
        }
    }

    private void OnEnded(string userId)
    {
        Task<AuthenticationState> current;
        try
        {
            current = GetAuthenticationStateAsync();
        }
        catch (InvalidOperationException)
        {
            return; // A scope that never had a user (not a circuit).
        }
        if (current.IsCompletedSuccessfully
            && current.Result.User.FindFirstValue(ClaimTypes.NameIdentifier) == userId)
        {
            SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
    }

    protected override void Dispose(bool disposing)
    {
        _events.Ended -= OnEnded;
        base.Dispose(disposing);
    }
}
