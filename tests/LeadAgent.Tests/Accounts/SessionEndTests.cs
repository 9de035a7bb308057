using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Tests.Accounts;

/// <summary>
/// A copy of a session cookie saved while signed in stops working as soon as the session ends: lock, demotion,
/// password change or reset, sign-out. Open Blazor circuits end too.
/// </summary>
[Collection(nameof(SqliteAccounts))]
public sealed class SessionEndTests(AccountsApp app)
{
    private const string Password = "Test-password-123";

    private async Task<(UserDto User, string Token, LoginBrowser Browser, string Saved)> SignedInAsync(string role)
    {
        var (user, token) = await app.CreateUserAsync(role, Password);
        var browser = new LoginBrowser(app);
        var answer = await browser.LoginAsync(user.Email, Password);
        Assert.Equal("/", answer.Location);
        var saved = browser.Cookies;
        Assert.Equal(200, (await browser.SendAsync("GET", "/api/v1/me", saved)).Status);
        return (user, token, browser, saved);
    }

    private async Task<int> WriteAsync(LoginBrowser browser, string cookies) =>
        (await browser.SendAsync("POST", "/api/v1/companies", cookies, Make.Company())).Status;

    [Fact]
    public async Task A_saved_cookie_keeps_working_while_nothing_happens()
    {
        var (_, _, browser, saved) = await SignedInAsync(Roles.Sales);
        app.Clock.Advance(TimeSpan.FromMinutes(27));
        Assert.Equal(201, await WriteAsync(browser, saved));
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(200, (await browser.SendAsync("GET", "/api/v1/me", saved)).Status);
    }

    [Fact]
    public async Task Locking_a_user_ends_their_saved_cookie_at_once_but_unlocking_does_not_revive_it()
    {
        var (user, _, browser, saved) = await SignedInAsync(Roles.Sales);
        var admin = await app.ClientAsync(Roles.Admin);
        (await admin.PutJsonAsync($"/api/v1/users/{user.Id}", new UserUpdate(null, null, true, null)))
            .EnsureSuccessStatusCode();
        Assert.Equal(401, await WriteAsync(browser, saved));
        Assert.Equal(401, (await browser.SendAsync("GET", "/api/v1/me", saved)).Status);

        (await admin.PutJsonAsync($"/api/v1/users/{user.Id}", new UserUpdate(null, null, false, null)))
            .EnsureSuccessStatusCode();
        Assert.Equal(401, (await browser.SendAsync("GET", "/api/v1/me", saved)).Status);
    }

    [Fact]
    public async Task Demoting_a_user_denies_their_next_write_through_a_saved_cookie()
    {
        var (user, _, browser, saved) = await SignedInAsync(Roles.Sales);
        Assert.Equal(201, await WriteAsync(browser, saved));
        var admin = await app.ClientAsync(Roles.Admin);
        (await admin.PutJsonAsync($"/api/v1/users/{user.Id}", new UserUpdate(null, Roles.Viewer, null, null)))
            .EnsureSuccessStatusCode();
        Assert.Equal(401, await WriteAsync(browser, saved));

        // Signing in again gives the new role: reads yes, writes no.
        var again = new LoginBrowser(app);
        Assert.Equal("/", (await again.LoginAsync(user.Email, Password)).Location);
        Assert.Equal(403, await WriteAsync(again, again.Cookies));
    }

    [Fact]
    public async Task Changing_the_password_ends_saved_cookies_but_not_tokens()
    {
        var (_, token, browser, saved) = await SignedInAsync(Roles.Sales);
        var changed = await browser.SendAsync("PUT", "/api/v1/me/password", saved,
            new PasswordChange(Password, "Fresh-lighthouse-42"));
        Assert.Equal(204, changed.Status);
        Assert.Equal(401, await WriteAsync(browser, saved));
        Assert.Equal(200, (int)(await app.TokenClient(token).GetAsync("/api/v1/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_admin_password_reset_ends_the_users_saved_cookies()
    {
        var (user, _, browser, saved) = await SignedInAsync(Roles.Sales);
        var admin = await app.ClientAsync(Roles.Admin);
        (await admin.PutJsonAsync($"/api/v1/users/{user.Id}/password", new PasswordReset("Fresh-lighthouse-43")))
            .EnsureSuccessStatusCode();
        Assert.Equal(401, await WriteAsync(browser, saved));
    }

    [Fact]
    public async Task Signing_out_ends_a_saved_copy_of_the_cookie_even_27_minutes_later()
    {
        var (_, _, browser, saved) = await SignedInAsync(Roles.Sales);
        var signedOut = await browser.LogoutAsync();
        Assert.Equal("/login", signedOut.Location);
        app.Clock.Advance(TimeSpan.FromMinutes(27));
        Assert.Equal(401, await WriteAsync(browser, saved));
        Assert.Equal(401, (await browser.SendAsync("GET", "/api/v1/me", saved)).Status);
    }

    [Fact]
    public async Task An_open_circuit_ends_when_its_user_is_locked_and_others_go_on()
    {
        var (user, _) = await app.CreateUserAsync(Roles.Sales, Password);
        var (other, _) = await app.CreateUserAsync(Roles.Sales, Password);
        using var circuit = await CircuitAsync(user.Id);
        using var otherCircuit = await CircuitAsync(other.Id);
        Assert.True((await ActorAsync(circuit)).CanWrite);

        var admin = await app.ClientAsync(Roles.Admin);
        (await admin.PutJsonAsync($"/api/v1/users/{user.Id}", new UserUpdate(null, null, true, null)))
            .EnsureSuccessStatusCode();

        var state = await circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>()
            .GetAuthenticationStateAsync();
        Assert.False(state.User.Identity?.IsAuthenticated);
        Assert.False((await ActorAsync(circuit)).CanWrite);
        Assert.True((await ActorAsync(otherCircuit)).CanWrite);
    }

    /// <summary>The services of a Blazor circuit signed in as the user, as the framework sets them up.</summary>
    private async Task<IServiceScope> CircuitAsync(string userId)
    {
        var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId);
        var principal = await sp.GetRequiredService<SignInManager<AppUser>>().CreateUserPrincipalAsync(user!);
        ((IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    private static async Task<Actor> ActorAsync(IServiceScope circuit) =>
        await circuit.ServiceProvider.GetRequiredService<IActorSource>().GetActorAsync();
}
