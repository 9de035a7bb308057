using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>SQLite's <c>PRAGMA synchronous</c> (see <see cref="SqlitePragmas"/>).</summary>
public enum SqliteSynchronous { Normal, Full }

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (the default for a self-hosted single instance).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>
    /// SQLite only: Full (default: every commit is on disk before it returns, so an acknowledged webhook survives even
    /// a power loss) or Normal (faster commits; survives app crashes, not OS crashes).
    /// </summary>
    [EnumDataType(typeof(SqliteSynchronous))]
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;
}
