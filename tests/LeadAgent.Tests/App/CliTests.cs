using System.Diagnostics;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Api;

/// <summary>The CLI verbs of the real executable, on a throwaway SQLite data directory.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "leadagent-cli-" + Guid.NewGuid().ToString("N"));

    private async Task<(int Code, string Out, string Err)> RunAsync(string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LeadAgent.Web.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["DataDirectory"] = _dataDir;
        psi.Environment["Database__Provider"] = "Sqlite";
        psi.Environment["ConnectionStrings__LeadAgent"] = "";
        using var process = Process.Start(psi)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Migrate_add_user_create_token_and_seed_demo()
    {
        var migrate = await RunAsync(null, "migrate");
        Assert.True(migrate.Code == 0, migrate.Err);
        Assert.Contains("Database is up to date.", migrate.Out);

        var add = await RunAsync("a-long-password-1", "users", "add", "--email", "Sam@Example.com", "--role", "sales", "--name", "Sam", "--password-stdin");
        Assert.True(add.Code == 0, add.Err + add.Out);
        Assert.Contains("Created sales sam@example.com", add.Out);

        var duplicate = await RunAsync("a-long-password-1", "users", "add", "--email", "sam@example.com", "--role", "sales", "--password-stdin");
        Assert.Equal(1, duplicate.Code);
        Assert.Contains("already exists", duplicate.Err);

        var badRole = await RunAsync("a-long-password-1", "users", "add", "--email", "x@example.com", "--role", "boss", "--password-stdin");
        Assert.Equal(1, badRole.Code);
        Assert.Contains("role", badRole.Err);

        var token = await RunAsync(null, "tokens", "create", "--email", "sam@example.com", "--name", "laptop");
        Assert.True(token.Code == 0, token.Err);
        var secret = token.Out.Trim();
        Assert.StartsWith("la_", secret);

        var seed = await RunAsync(null, "seed-demo");
        Assert.True(seed.Code == 0, seed.Err);
        Assert.Contains("Seeded the demo workspace", seed.Out);

        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_dataDir, "leadagent.db")};Pooling=False");
        await using var db = new AppDbContext(options.Options, SystemActorSource.Instance, TimeProvider.System);
        var hash = ApiTokenAuthentication.Hash(secret);
        var stored = await db.ApiTokens.SingleAsync(t => t.Hash == hash, TestContext.Current.CancellationToken);
        Assert.Equal("laptop", stored.Name);
        Assert.Equal("sam@example.com", (await db.Users.SingleAsync(u => u.Id == stored.UserId, TestContext.Current.CancellationToken)).Email);
        Assert.True(await db.Leads.CountAsync(TestContext.Current.CancellationToken) > 100);
        Assert.Equal(7, await db.Leads.Select(l => l.Status).Distinct().CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(5, await db.Companies.Select(c => c.Segment).Distinct().CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Unknown_verb_usage_prints_help_and_fails()
    {
        var result = await RunAsync(null, "users", "remove");
        Assert.Equal(2, result.Code);
        Assert.Contains("usage", result.Out, StringComparison.OrdinalIgnoreCase);
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
