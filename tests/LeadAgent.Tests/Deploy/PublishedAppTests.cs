using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LeadAgent.Tests.Deploy;

/// <summary>
/// What <c>dotnet publish</c> produces is a working app: on a fresh data directory it migrates, answers /healthz,
/// its CLI creates a user, and that user signs in through the login form.
/// </summary>
[Collection(nameof(KilledProcesses))]
public sealed class PublishedAppTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("leadagent-published-data-").FullName;

    [Fact]
    public async Task The_published_app_migrates_serves_health_and_signs_in_a_user_made_with_its_cli()
    {
        var app = await PublishedApp.ExecutableAsync();
        var url = $"http://127.0.0.1:{AppProcess.FreePort()}";
        var env = new Dictionary<string, string>
        {
            ["DataDirectory"] = _dataDir,
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__LeadAgent"] = "",
            ["Demo__Seed"] = "false",
            ["Urls"] = url,
        };
        var added = await AppProcess.RunVerbOfAsync(app, env, "a-long-password-1",
            "users", "add", "--email", "ops@example.com", "--role", "admin", "--password-stdin");
        Assert.True(added.Code == 0, added.Err + added.Out);

        var process = AppProcess.Serve(env, app);
        try
        {
            using var http = CookieSignIn.RawClient(new Uri(url));
            await AppProcess.WaitReadyAsync(http, process, Ct);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz", Ct)).StatusCode);
            // The published static assets are served (the login page and the UI need them).
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/_framework/blazor.web.js", Ct)).StatusCode);

            var user = await CookieSignIn.SignInAsync(http, "ops@example.com", "a-long-password-1");
            using var me = await CookieSignIn.GetAsync(http, "/api/v1/me", user);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            var body = await me.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("ops@example.com", body.GetProperty("email").GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
