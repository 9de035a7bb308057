using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;

namespace LeadAgent.Tests.Accounts;

/// <summary>
/// The login form: wrong passwords pause only that account from that address (never lock it or its tokens),
/// unknown e-mails cost and answer the same as wrong passwords, and odd return addresses go to the dashboard.
/// </summary>
[Collection(nameof(SqliteAccounts))]
public sealed class LoginTests(AccountsApp app)
{
    private const string Password = "Test-password-123";

    [Fact]
    public async Task Wrong_passwords_pause_that_account_from_that_address_only_and_never_its_tokens()
    {
        var (user, token) = await app.CreateUserAsync(Roles.Sales, Password);
        var stranger = new LoginBrowser(app, "203.0.113.7");
        var answers = new List<string?>();
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            answers.Add(LoginBrowser.Error(await stranger.LoginAsync(user.Email, "wrong-password-" + i)));
        }
        Assert.Equal(new[] { "invalid", "invalid", "invalid", "invalid", "paused" }, answers);
        Assert.Equal("paused", LoginBrowser.Error(await stranger.LoginAsync(user.Email, Password)));

        // The account is not locked: its token works, an admin sees it active, the owner signs in elsewhere.
        Assert.Equal(200, (int)(await app.TokenClient(token).GetAsync("/api/v1/me", Ct)).StatusCode);
        var admin = await app.ClientAsync(Roles.Admin);
        var listed = await admin.GetJsonAsync<List<UserDto>>("/api/v1/users");
        Assert.False(listed.Single(u => u.Id == user.Id).Locked);
        Assert.Equal("/", (await new LoginBrowser(app, "198.51.100.9").LoginAsync(user.Email, Password)).Location);

        // The pause ends by itself.
        app.Clock.Advance(LoginThrottle.Window + TimeSpan.FromSeconds(1));
        Assert.Equal("/", (await stranger.LoginAsync(user.Email, Password)).Location);
    }

    [Fact]
    public async Task A_burst_of_parallel_guesses_gets_no_more_password_checks_than_guesses_one_by_one()
    {
        var (user, _) = await app.CreateUserAsync(Roles.Sales, Password);
        var guessers = Enumerable.Range(0, 20).Select(_ => new LoginBrowser(app, "203.0.113.99")).ToList();
        var answers = await Task.WhenAll(guessers.Select(async (g, i) =>
            LoginBrowser.Error(await g.LoginAsync(user.Email, "wrong-password-" + i))));
        Assert.All(answers, a => Assert.Contains(a, new[] { "invalid", "paused" }));
        Assert.True(answers.Count(a => a == "invalid") <= LoginThrottle.MaxFailures - 1, string.Join(",", answers));
        Assert.Equal("paused", LoginBrowser.Error(await guessers[0].LoginAsync(user.Email, Password)));
    }

    [Fact]
    public async Task An_admin_lock_still_stops_sign_in_and_tokens()
    {
        var (user, token) = await app.CreateUserAsync(Roles.Sales, Password);
        var admin = await app.ClientAsync(Roles.Admin);
        (await admin.PutJsonAsync($"/api/v1/users/{user.Id}", new UserUpdate(null, null, true, null)))
            .EnsureSuccessStatusCode();
        Assert.Equal(401, (int)(await app.TokenClient(token).GetAsync("/api/v1/me", Ct)).StatusCode);
        Assert.Equal("disabled", LoginBrowser.Error(await new LoginBrowser(app).LoginAsync(user.Email, Password)));
        Assert.Equal("invalid", LoginBrowser.Error(await new LoginBrowser(app).LoginAsync(user.Email, "wrong-one-1")));
    }

    [Fact]
    public async Task Unknown_emails_check_a_password_hash_too_and_get_the_same_answer()
    {
        var (user, _) = await app.CreateUserAsync(Roles.Sales, Password);
        var browser = new LoginBrowser(app, "192.0.2.55");
        await browser.LoginAsync("warm-up@test.local", "x"); // The form token and any one-time set-up.

        var before = app.Checks.Count;
        var known = await browser.LoginAsync(user.Email, "not-the-password", "/leads");
        var afterKnown = app.Checks.Count;
        var unknown = await browser.LoginAsync($"nobody-{Unique()}@test.local", "not-the-password", "/leads");
        var afterUnknown = app.Checks.Count;

        Assert.Equal(1, afterKnown - before);
        Assert.Equal(1, afterUnknown - afterKnown);
        Assert.Equal(known, unknown);
        Assert.Equal(302, known.Status);
        Assert.Equal("/login?error=invalid&returnUrl=%2Fleads", known.Location);
    }

    [Theory]
    [InlineData("/leads\r\nSet-Cookie: x=1")]
    [InlineData("/leads\u0001")]
    [InlineData("/leads\u001b[31m")]
    [InlineData("/le\tads")]
    [InlineData("/caf\u00e9")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/leads\\..\\\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("")]
    public async Task Odd_return_addresses_after_signing_in_go_to_the_dashboard(string returnUrl)
    {
        var (user, _) = await app.CreateUserAsync(Roles.Viewer, Password);
        var answer = await new LoginBrowser(app).LoginAsync(user.Email, Password, returnUrl);
        Assert.True(answer.Status == 302, $"{answer.Status}: {answer.Body}");
        Assert.Equal("/", answer.Location);
    }

    [Fact]
    public async Task A_nul_character_in_the_form_is_a_bad_request_not_a_server_error()
    {
        var (user, _) = await app.CreateUserAsync(Roles.Viewer, Password);
        var answer = await new LoginBrowser(app).LoginAsync(user.Email, Password, "/leads\u0000");
        Assert.Equal(400, answer.Status);
    }

    [Fact]
    public async Task A_local_return_address_is_kept()
    {
        var (user, _) = await app.CreateUserAsync(Roles.Viewer, Password);
        var answer = await new LoginBrowser(app).LoginAsync(user.Email, Password, "/leads?status=Won&owner=me");
        Assert.Equal("/leads?status=Won&owner=me", answer.Location);
    }

    [Fact]
    public async Task Odd_return_addresses_after_a_wrong_password_never_fail()
    {
        var answer = await new LoginBrowser(app).LoginAsync("someone@test.local", "nope", "/a\r\nb");
        Assert.Equal(302, answer.Status);
        Assert.Equal("/login?error=invalid&returnUrl=%2F", answer.Location);
    }
}
