using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (the default for a self-hosted single instance).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
