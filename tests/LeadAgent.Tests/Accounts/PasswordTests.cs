using System.Net;
using LeadAgent.Web;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;

namespace LeadAgent.Tests.Accounts;

/// <summary>Changing your own password, admins setting others', the CLI way back in, and the password rules.</summary>
[Collection(nameof(SqliteAccounts))]
public sealed class PasswordTests(AccountsApp app)
{
    private const string Password = "Test-password-123";

    private static async Task<string[]> FieldErrorsAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {errors}");
        return messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
    }

    private async Task<bool> SignsInAsync(string email, string password) =>
        LoginBrowser.Error(await new LoginBrowser(app).LoginAsync(email, password)) is null;

    [Fact]
    public async Task Users_change_their_own_password_with_the_current_one()
    {
        var (user, token) = await app.CreateUserAsync(Roles.Viewer, Password);
        var me = app.TokenClient(token);

        var wrong = await me.PutJsonAsync("/api/v1/me/password", new PasswordChange("not-it", "Fresh-lighthouse-44"));
        Assert.Contains("not your current password", (await FieldErrorsAsync(wrong, "currentPassword"))[0]);
        var empty = await me.PutJsonAsync("/api/v1/me/password", new PasswordChange(null, null));
        Assert.Equal(new[] { "Required." }, await FieldErrorsAsync(empty, "newPassword"));
        var shortOne = await me.PutJsonAsync("/api/v1/me/password", new PasswordChange(Password, "short"));
        Assert.Contains("12", string.Join(" ", await FieldErrorsAsync(shortOne, "newPassword")));

        var ok = await me.PutJsonAsync("/api/v1/me/password", new PasswordChange(Password, "Fresh-lighthouse-44"));
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.False(await SignsInAsync(user.Email, Password));
        Assert.True(await SignsInAsync(user.Email, "Fresh-lighthouse-44"));
    }

    [Theory]
    [InlineData("password12345")]
    [InlineData("Qwertyuiop!!")]
    [InlineData("2024-Sunshine-2024")]
    [InlineData("dragondragondragon")]
    public async Task Common_passwords_are_refused_with_a_field_error(string common)
    {
        var (_, token) = await app.CreateUserAsync(Roles.Sales, Password);
        var response = await app.TokenClient(token)
            .PutJsonAsync("/api/v1/me/password", new PasswordChange(Password, common));
        Assert.Contains("most common passwords", string.Join(" ", await FieldErrorsAsync(response, "newPassword")));
    }

    [Theory]
    [InlineData("Anna.Lindqvist77")]
    [InlineData("LINDQVIST-2024!")]
    [InlineData("Eventagentur1999")]
    [InlineData("eventagentur-kiel.example")]
    public async Task Passwords_built_from_the_email_are_refused(string fromEmail)
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var email = $"anna.lindqvist.{Unique(4)}@eventagentur-kiel.example";
        var created = await admin.PostJsonAsync("/api/v1/users",
            new UserInput(email, "Anna", Roles.Sales, fromEmail));
        Assert.Contains("e-mail address", string.Join(" ", await FieldErrorsAsync(created, "password")));
    }

    [Fact]
    public async Task Admins_set_anyones_password_and_others_may_not()
    {
        var (user, _) = await app.CreateUserAsync(Roles.Sales, Password);
        var admin = await app.ClientAsync(Roles.Admin);
        var url = $"/api/v1/users/{user.Id}/password";

        await FieldErrorsAsync(await admin.PutJsonAsync(url, new PasswordReset("")), "newPassword");
        var common = await admin.PutJsonAsync(url, new PasswordReset("iloveyou123456"));
        Assert.Contains("most common passwords", string.Join(" ", await FieldErrorsAsync(common, "newPassword")));
        var sales = await app.ClientAsync(Roles.Sales);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await sales.PutJsonAsync(url, new PasswordReset("Fresh-x-45-yz"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.PutJsonAsync("/api/v1/users/nobody/password", new PasswordReset("Fresh-x-45-yz"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutJsonAsync(url, new PasswordReset("Fresh-x-45-yz")))
            .StatusCode);
        Assert.True(await SignsInAsync(user.Email, "Fresh-x-45-yz"));
        var log = await admin.GetAsync($"/api/v1/audit?action=password-reset&entityId={user.Id}", Ct);
        Assert.Contains(user.Email, await log.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_cli_sets_a_password_from_standard_input_or_prints_a_generated_one()
    {
        var (user, _) = await app.CreateUserAsync(Roles.Admin, Password);

        var typed = await RunAsync("Typed-in-password-46\n", "users", "set-password", user.Email.ToUpperInvariant());
        Assert.True(typed.Code == 0, typed.Err);
        Assert.Contains("Password set", typed.Out);
        Assert.True(await SignsInAsync(user.Email, "Typed-in-password-46"));

        var generated = await RunAsync("", "users", "set-password", user.Email);
        Assert.True(generated.Code == 0, generated.Err);
        var password = generated.Out.Split(": ")[1].Split(' ')[0];
        Assert.Equal(20, password.Length);
        Assert.True(await SignsInAsync(user.Email, password));

        var weak = await RunAsync("password12345\n", "users", "set-password", user.Email);
        Assert.Equal(1, weak.Code);
        Assert.Contains("most common passwords", weak.Err);
        var unknown = await RunAsync("Typed-in-password-47\n", "users", "set-password", "nobody@test.local");
        Assert.Equal(1, unknown.Code);
        Assert.Equal(2, (await RunAsync("", "users", "set-password")).Code);
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunVerbAsync(app.Services, args, new Cli.Terminal(new StringReader(stdin), output, error));
        return (code, output.ToString(), error.ToString());
    }
}
