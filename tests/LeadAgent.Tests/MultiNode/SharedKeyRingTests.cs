using System.Net;
using System.Net.Http.Json;
using LeadAgent.Tests.Deploy;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Providers.RespondIo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Tests.MultiNode;

/// <summary>One node of a team's deployment: the shared PostgreSQL database, a data directory of its own.</summary>
public sealed class TeamNode(string connectionString) : AppFactory(Provider.Postgres)
{
    public string DataDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "leadagent-tests", "node-" + Guid.NewGuid().ToString("N"));

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:LeadAgent", connectionString);
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("RespondIo:SettingsRefreshSeconds", "1");
    }

    public HttpClient RawClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = false,
    });
}

/// <summary>
/// Two nodes on one PostgreSQL database share the Data Protection key ring through it: a login cookie from one
/// works on the other, and a secret saved on one decrypts on the other.
/// </summary>
public sealed class SharedKeyRingTests
{
    private const string Password = "Team-password-123";

    [Fact]
    public async Task A_cookie_and_a_secret_from_one_node_work_on_the_other()
    {
        await using var database = await TestDatabase.CreateAsync(Provider.Postgres);
        await using var a = new TeamNode(database.ConnectionString);
        await a.InitializeAsync();
        await using var b = new TeamNode(database.ConnectionString);
        await b.InitializeAsync();
        var (admin, token) = await a.CreateUserAsync(Roles.Admin, Password);
        using var httpA = a.RawClient();
        using var httpB = b.RawClient();

        var signedIn = await CookieSignIn.SignInAsync(httpA, admin.Email, Password);
        using var me = await CookieSignIn.GetAsync(httpB, "/api/v1/me", signedIn);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        var secret = "rio-token-" + Unique(16);
        using var adminA = a.TokenClient(token);
        var saved = await adminA.PutAsJsonAsync("/api/v1/inbox/settings", new { apiToken = secret }, Ct);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));
        // Node B re-reads the saved settings on its own (every second here) and can decrypt the token.
        var onB = b.Services.GetRequiredService<RespondIoConnection>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (onB.Current.ApiToken != secret && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, Ct);
        }
        Assert.Equal(secret, onB.Current.ApiToken);

        // The key ring is in the database, in neither node's folder.
        foreach (var node in new[] { a, b })
        {
            var keys = Path.Combine(node.DataDirectory, "keys");
            Assert.False(Directory.Exists(keys) && Directory.EnumerateFiles(keys).Any());
        }
    }
}
