using LeadAgent.Web;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Money;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.App;

/// <summary>
/// The CLI verbs, run in this process on the app's services with a test's standard input and output (the real
/// executable runs the same code: see <see cref="CliProcessTests"/>); SQLite and PostgreSQL.
/// </summary>
public abstract class CliTests(AppFactory app)
{
    private async Task<(int Code, string Out, string Err)> RunAsync(string? stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var terminal = new Cli.Terminal(new StringReader(stdin ?? ""), output, error);
        var code = await Cli.RunVerbAsync(app.Services, args, terminal);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Migrate_add_user_create_token_and_seed_demo()
    {
        var migrate = await RunAsync(null, "migrate");
        Assert.True(migrate.Code == 0, migrate.Err);
        Assert.Contains("Database is up to date.", migrate.Out);

        var add = await RunAsync("a-long-password-1",
            "users", "add", "--email", "Sam@Example.com", "--role", "sales", "--name", "Sam", "--password-stdin");
        Assert.True(add.Code == 0, add.Err + add.Out);
        Assert.Contains("Created sales sam@example.com", add.Out);

        var duplicate = await RunAsync("a-long-password-1",
            "users", "add", "--email", "sam@example.com", "--role", "sales", "--password-stdin");
        Assert.Equal(1, duplicate.Code);
        Assert.Contains("already exists", duplicate.Err);

        var badRole = await RunAsync("a-long-password-1",
            "users", "add", "--email", "x@example.com", "--role", "boss", "--password-stdin");
        Assert.Equal(1, badRole.Code);
        Assert.Contains("role", badRole.Err);

        var token = await RunAsync(null, "tokens", "create", "--email", "sam@example.com", "--name", "laptop");
        Assert.True(token.Code == 0, token.Err);
        var secret = token.Out.Trim();
        Assert.StartsWith("la_", secret);

        var seed = await RunAsync(null, "seed-demo");
        Assert.True(seed.Code == 0, seed.Err);
        Assert.Contains("Seeded the demo workspace", seed.Out);

        await using var db = app.CreateDbContext();
        var hash = ApiTokenAuthentication.Hash(secret);
        var stored = await db.ApiTokens.SingleAsync(t => t.Hash == hash, Ct);
        Assert.Equal("laptop", stored.Name);
        Assert.Equal("sam@example.com", (await db.Users.SingleAsync(u => u.Id == stored.UserId, Ct)).Email);
        Assert.True(await db.Leads.CountAsync(Ct) > 100);
        Assert.Equal(7, await db.Leads.Select(l => l.Status).Distinct().CountAsync(Ct));
        Assert.Equal(5, await db.Companies.Select(c => c.Segment).Distinct().CountAsync(Ct));
        // Every demo currency converts into the workspace's EUR, so the demo's totals leave nothing out.
        var rated = await db.ExchangeRates.Where(r => r.BaseCurrency == "EUR").Select(r => r.Currency).ToListAsync(Ct);
        var currencies = await db.Leads.Select(l => l.Currency).Distinct().ToListAsync(Ct);
        Assert.All(currencies.Where(c => c != "EUR"), c => Assert.Contains(c, rated));
        Assert.Equal(3, rated.Count);
    }

    [Fact]
    public async Task Unknown_verb_usage_prints_help_and_fails()
    {
        var result = await RunAsync(null, "users", "remove");
        Assert.Equal(2, result.Code);
        Assert.Contains("usage", result.Out, StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class CliSqliteTests(SqliteApp app) : CliTests(app), IClassFixture<SqliteApp>;

public sealed class CliPostgresTests(PostgresApp app) : CliTests(app), IClassFixture<PostgresApp>;
