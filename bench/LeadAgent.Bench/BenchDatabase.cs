using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Activity;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Bench;

/// <summary>A real database for one benchmark run, and a context factory the app's services accept.</summary>
internal sealed class BenchDatabase(DatabaseProvider provider, string connectionString)
    : IDbContextFactory<AppDbContext>, IActorSource
{
    public DatabaseProvider Provider => provider;
    public string ConnectionString => connectionString;

    public AppDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        return new AppDbContext(options.Options, this, TimeProvider.System, LeadAgent.Web.SaveHooks.All);
    }

    public ValueTask<Actor> GetActorAsync() => ValueTask.FromResult(
        new Actor(ActorKind.User, null, "bench", null, [Roles.Sales]));

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider, string name = "bench")
    {
        string cs;
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "leadagent-bench");
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, $"{name}.db");
            foreach (var f in Directory.GetFiles(dir, $"{name}.db*"))
            {
                File.Delete(f);
            }
            cs = $"Data Source={file};Pooling=True";
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable("LEADAGENT_TEST_PG")
                ?? throw new InvalidOperationException(
                    "Set LEADAGENT_TEST_PG (scripts/pg-up.sh prints it) to benchmark PostgreSQL.");
            var b = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = $"leadagent_{name}" };
            await using (var conn = new Npgsql.NpgsqlConnection(admin))
            {
                await conn.OpenAsync();
                await using var drop =
                    new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS leadagent_{name} WITH (FORCE)", conn);
                await drop.ExecuteNonQueryAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE leadagent_{name}", conn);
                await create.ExecuteNonQueryAsync();
            }
            cs = b.ConnectionString;
        }
        var db = new BenchDatabase(provider, cs);
        await using var ctx = db.CreateDbContext();
        if (provider == DatabaseProvider.Sqlite)
        {
            await ctx.Database.OpenConnectionAsync();
            await ctx.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        await ctx.Database.MigrateAsync();
        // As the app starts: SQLite's search index and its triggers are there, so every write pays for them.
        await LeadAgent.Web.Features.Search.SqliteSearchIndex.EnsureAsync(ctx);
        return db;
    }
}
