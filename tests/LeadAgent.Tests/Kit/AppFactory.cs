using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Qualification.Work;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Tests.Kit;

/// <summary>
/// The real app over a real database (SQLite file or PostgreSQL), driven through HTTP with intent methods
/// (<see cref="ClientAsync"/> signs in as a role with a real API token).
/// </summary>
public class AppFactory(Provider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json =
        new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private TestDatabase? _db;
    private int _users;

    public Provider Provider => provider;

    public static readonly string[] WebhookKeys =
        ["test-key-message-received-0123456789abcdef", "test-key-contact-updated-0123456789abcdef"];

    protected virtual bool UseRealServer => false;

    // The host of a top-level Program is captured through a process-wide diagnostic event, so two factories
    // building at the same moment can grab each other's host: build one at a time.
    private static readonly SemaphoreSlim BuildLock = new(1, 1);

    /// <summary>Runs before the app is built (e.g. to start fake providers it is configured to call).</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>Extra settings for a specialised app.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public async ValueTask InitializeAsync()
    {
        await BeforeStartAsync();
        _db = await TestDatabase.CreateAsync(provider);
        await BuildLock.WaitAsync();
        try
        {
            if (UseRealServer)
            {
                UseKestrel(0);
                StartServer();
            }
            else
            {
                _ = Server;
            }
        }
        finally
        {
            BuildLock.Release();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:LeadAgent", _db!.ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        // Two webhooks, two keys: a delivery signed with either is genuine.
        builder.UseSetting("RespondIo:WebhookSigningKeys:0", WebhookKeys[0]);
        builder.UseSetting("RespondIo:WebhookSigningKeys:1", WebhookKeys[1]);
        builder.UseSetting("Bootstrap:AdminEmail", "bootstrap-admin@test.local");
        // The fake providers listen on loopback, which outbound calls may reach only when allowed explicitly.
        builder.UseSetting("Network:AllowedPrivateRanges:0", "127.0.0.0/8");
        builder.UseSetting("DataDirectory",
            Path.Combine(Path.GetTempPath(), "leadagent-tests", "data-" + Guid.NewGuid().ToString("N")));
        // The brain's loop is off: a test runs its rounds itself (WorkAllAsync), so what was judged is certain.
        builder.UseSetting("Qualification:Worker", "false");
        builder.UseEnvironment("Production");
        Configure(builder);
    }

    /// <summary>Works the qualification queue until it is empty (the periodic sweep waits for its time).</summary>
    public async Task<int> WorkAllAsync()
    {
        var worker = Services.GetRequiredService<QualificationWorker>();
        var rounds = 0;
        while (await worker.WorkOnceAsync(Ct))
        {
            rounds++;
        }
        return rounds;
    }

    /// <summary>Gives a lead a score as the brain would (scores are not set through the API).</summary>
    public async Task SetScoreAsync(Guid leadId, int? score, Classification? band = null)
    {
        await using var db = CreateDbContext();
        await db.Leads.Where(l => l.Id == leadId).ExecuteUpdateAsync(u => u.SetProperty(l => l.Score, score)
            .SetProperty(l => l.Classification, band), Ct);
    }

    public AppDbContext CreateDbContext()
    {
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
    }

    /// <summary>A context whose saves are made by <paramref name="actor"/> (a rule, the scheduler, a user).</summary>
    public AppDbContext CreateDbContext(Actor actor)
    {
        var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<HttpActorSource>().Set(actor);
        return scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
    }

    /// <summary>Creates a user with the role and returns a client authenticated with a fresh API token.</summary>
    public async Task<HttpClient> ClientAsync(string role)
    {
        var (_, token) = await CreateUserAsync(role);
        return TokenClient(token);
    }

    public HttpClient TokenClient(string token)
    {
        var client = CreateClient(ClientSettings());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient(ClientSettings());

    private WebApplicationFactoryClientOptions ClientSettings() =>
        new() { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress };

    public async Task<(UserDto User, string Token)> CreateUserAsync(string role, string? password = null)
    {
        using var scope = Services.CreateScope();
        var n = Interlocked.Increment(ref _users);
        var email = $"{role}{n}-{Guid.NewGuid().ToString("N")[..6]}@test.local";
        var user = await scope.ServiceProvider.GetRequiredService<UserService>()
            .CreateAsync(new UserInput(email, $"{role} {n}", role, password ?? "Test-password-123"));
        var token = await scope.ServiceProvider.GetRequiredService<TokenService>()
            .CreateAsync(user.Id, new TokenInput("tests"));
        return (user, token.Secret);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : AppFactory(Provider.Sqlite);

public sealed class PostgresApp() : AppFactory(Provider.Postgres);
