using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Hosting;
using Microsoft.Data.Sqlite;

namespace LeadAgent.Web.Infrastructure.Backup;

/// <summary>
/// The CLI verbs <c>backup FILE</c> (while the app runs) and <c>restore FILE [--force]</c> (into an empty or stopped
/// data directory), for SQLite. PostgreSQL has its own tools, and its key ring is in the database anyway.
/// </summary>
public static class BackupCommand
{
    public const string PostgresAdvice = "On PostgreSQL, back up and restore with its own tools: "
        + "pg_dump -Fc -f leadagent.dump DATABASE and pg_restore -d DATABASE leadagent.dump "
        + "(the Data Protection key ring is in the database and travels with it). See README, Deploy.";

    public static async Task<int> BackupAsync(IServiceProvider services, string[] args, Cli.Terminal terminal)
    {
        if (FileArgument(args) is not { } file)
        {
            await terminal.Error.WriteLineAsync("usage: backup FILE   (a zip with the database and the key ring)");
            return 2;
        }
        var configuration = services.GetRequiredService<IConfiguration>();
        if (IsPostgres(configuration))
        {
            await terminal.Error.WriteLineAsync(PostgresAdvice);
            return 1;
        }
        var connection = DatabaseSetup.ResolveConnectionString(configuration, DatabaseProvider.Sqlite);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var saved = await BackupArchive.CreateAsync(
            connection, KeyRingSetup.KeysDirectory(configuration)!, file, now, CancellationToken.None);
        await terminal.Out.WriteLineAsync(
            $"Backed up the database ({saved.DatabaseBytes:N0} bytes) and {saved.Keys} Data Protection key(s) "
            + $"to {file}.");
        return 0;
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, string[] args, Cli.Terminal terminal)
    {
        if (FileArgument(args) is not { } file)
        {
            await terminal.Error.WriteLineAsync("usage: restore FILE [--force]   (the app must be stopped; --force "
                + "replaces an existing database and key ring)");
            return 2;
        }
        var configuration = services.GetRequiredService<IConfiguration>();
        if (IsPostgres(configuration))
        {
            await terminal.Error.WriteLineAsync(PostgresAdvice);
            return 1;
        }
        var connection = DatabaseSetup.ResolveConnectionString(configuration, DatabaseProvider.Sqlite);
        var database = Path.GetFullPath(new SqliteConnectionStringBuilder(connection).DataSource);
        var keys = KeyRingSetup.KeysDirectory(configuration)!;
        var restored = await BackupArchive.RestoreAsync(
            file, database, keys, args.Contains("--force"), CancellationToken.None);
        await terminal.Out.WriteLineAsync($"Restored the database to {database} and {restored.Keys} Data Protection "
            + $"key(s) to {keys}. Start the app to use it.");
        return 0;
    }

    private static string? FileArgument(string[] args) =>
        args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) is { } file
            ? Path.GetFullPath(file)
            : null;

    private static bool IsPostgres(IConfiguration configuration) =>
        configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite)
        == DatabaseProvider.Postgres;
}
