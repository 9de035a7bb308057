using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LeadAgent.Tests.Kit;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// A fresh, real database per fixture: a temp SQLite file, or a new database on the test PostgreSQL server. Each is a
/// copy of one database this test run migrated from empty (so every run still applies every migration once), which
/// spares each app the work of migrating its own.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "LEADAGENT_TEST_PG";

    private TestDatabase(Provider provider, string connectionString, Func<ValueTask> cleanup)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _cleanup = cleanup;
    }

    private readonly Func<ValueTask> _cleanup;

    public Provider Provider { get; }
    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(Provider provider)
    {
        if (provider == Provider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "leadagent-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            File.Copy(await SqliteTemplate.Value, Path.Combine(dir, "test.db"));
            return new TestDatabase(provider, $"Data Source={Path.Combine(dir, "test.db")};Pooling=False", () =>
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                }
                return ValueTask.CompletedTask;
            });
        }

        // The README test command starts a throwaway server and sets this; without it Postgres tests fail, not skip.
        var admin = Environment.GetEnvironmentVariable(PostgresVariable)
            ?? throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run the tests with ./test.sh, which starts PostgreSQL.");
        var name = "la_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(
                $"CREATE DATABASE \"{name}\" TEMPLATE \"{await PostgresTemplate.Value}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(provider, cs, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        });
    }

    public ValueTask DisposeAsync() => _cleanup();

    private static readonly Lazy<Task<string>> SqliteTemplate = new(async () =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "leadagent-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "template.db");
        await using (var db = AppProcess.Open(Provider.Sqlite, $"Data Source={file};Pooling=False"))
        {
            await db.Database.MigrateAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => BestEffort(() => Directory.Delete(dir, recursive: true));
        return file;
    });

    private static readonly Lazy<Task<string>> PostgresTemplate = new(async () =>
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable)!;
        var name = "la_template_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        var template = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        await using (var db = AppProcess.Open(Provider.Postgres, template))
        {
            await db.Database.MigrateAsync();
        }
        // A server of one's own (the shared one of a developer's machine) keeps no template per run.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => BestEffort(() =>
            ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult());
        return name;
    });

    // Clean-up at exit must not turn a passing run into a crash of the test host.
    private static void BestEffort(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NpgsqlException)
        {
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
