using System.IO.Compression;
using System.Text.Json;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.Data.Sqlite;

namespace LeadAgent.Web.Infrastructure.Backup;

/// <summary>What a backup or a restore moved.</summary>
public sealed record BackupContents(long DatabaseBytes, int Keys);

/// <summary>
/// One zip file with a consistent copy of the SQLite database (SQLite's online backup, taken while the app runs) and
/// the Data Protection key ring that decrypts the secrets stored in it.
/// </summary>
public static class BackupArchive
{
    private const string DatabaseEntry = "leadagent.db";
    private const string KeysFolder = "keys/";
    private const string ManifestEntry = "leadagent-backup.json";

    public static async Task<BackupContents> CreateAsync(
        string connectionString, string keysDirectory, string file, DateTimeOffset now, CancellationToken ct)
    {
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!File.Exists(database))
        {
            throw new ArgumentException($"Nothing to back up: {database} does not exist.");
        }
        var work = Directory.CreateTempSubdirectory("leadagent-backup-");
        try
        {
            var copy = Path.Combine(work.FullName, DatabaseEntry);
            await CopyDatabaseAsync(connectionString, copy, ct);
            var keys = Directory.Exists(keysDirectory)
                ? Directory.GetFiles(keysDirectory, "*.xml").Order(StringComparer.Ordinal).ToList()
                : [];
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            // Written beside the target and moved over it at the end: an interrupted backup leaves no half archive.
            var partial = file + ".partial";
            await using (var stream = File.Create(partial))
            await using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                await zip.CreateEntryFromFileAsync(copy, DatabaseEntry, CompressionLevel.Optimal, ct);
                foreach (var key in keys)
                {
                    await zip.CreateEntryFromFileAsync(key, KeysFolder + Path.GetFileName(key), ct);
                }
                await using var manifest = await zip.CreateEntry(ManifestEntry).OpenAsync(ct);
                var about = new { format = 1, createdAt = now, database = DatabaseEntry, keys = keys.Count };
                await JsonSerializer.SerializeAsync(manifest, about, cancellationToken: ct);
            }
            File.Move(partial, file, overwrite: true);
            return new BackupContents(new FileInfo(copy).Length, keys.Count);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // One backup step copies every page under one read transaction: a snapshot, while the app goes on writing (WAL).
    private static async Task CopyDatabaseAsync(string connectionString, string copy, CancellationToken ct)
    {
        await using var source = new SqliteConnection(connectionString);
        await using var target = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        await source.OpenAsync(ct);
        await target.OpenAsync(ct);
        source.BackupDatabase(target);
        // Everything in the one file (no write-ahead log beside it); the app turns WAL on again when it starts.
        await using var command = target.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Puts the archive's database at <paramref name="database"/> and its keys into <paramref name="keysDirectory"/>.
    /// What is there already is replaced only when <paramref name="force"/> is set (the app must be stopped).
    /// </summary>
    public static async Task<BackupContents> RestoreAsync(
        string file, string database, string keysDirectory, bool force, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            throw new ArgumentException($"{file} does not exist.");
        }
        await using var zip = await ZipFile.OpenReadAsync(file, ct);
        var databaseEntry = zip.GetEntry(DatabaseEntry)
            ?? throw new ArgumentException($"{file} is not a LeadAgent backup: it holds no {DatabaseEntry}.");
        var existing = Existing(database, keysDirectory);
        if (existing.Count > 0 && !force)
        {
            throw new ConflictException($"Not restoring over existing data ({string.Join(", ", existing)}): "
                + "restore into an empty data directory, or stop the app and add --force to replace it.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var incoming = database + ".restoring";
        await databaseEntry.ExtractToFileAsync(incoming, overwrite: true, ct);
        await CheckAsync(incoming, file, ct);
        foreach (var path in existing)
        {
            File.Delete(path);
        }
        File.Move(incoming, database);
        Directory.CreateDirectory(keysDirectory);
        var keys = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(KeysFolder, StringComparison.Ordinal)))
        {
            // Only the file name counts: an entry can never point outside the key folder.
            var name = Path.GetFileName(entry.FullName);
            if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
            {
                await entry.ExtractToFileAsync(Path.Combine(keysDirectory, name), overwrite: true, ct);
                keys++;
            }
        }
        return new BackupContents(new FileInfo(database).Length, keys);
    }

    private static List<string> Existing(string database, string keysDirectory)
    {
        var files = new[] { "", "-wal", "-shm", "-journal" }.Select(s => database + s).Where(File.Exists).ToList();
        if (Directory.Exists(keysDirectory))
        {
            files.AddRange(Directory.GetFiles(keysDirectory, "*.xml"));
        }
        return files;
    }

    private static async Task CheckAsync(string incoming, string file, CancellationToken ct)
    {
        string? verdict;
        await using (var connection = new SqliteConnection(
                         new SqliteConnectionStringBuilder { DataSource = incoming, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check;";
            verdict = (await command.ExecuteScalarAsync(ct))?.ToString();
        }
        if (verdict != "ok")
        {
            File.Delete(incoming);
            throw new ArgumentException($"The database in {file} is damaged ({verdict}); nothing was restored.");
        }
    }
}
