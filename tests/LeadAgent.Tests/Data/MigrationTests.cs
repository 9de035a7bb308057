using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Data;

/// <summary>The EF model and the migrations of each provider agree.</summary>
public abstract class MigrationTests(AppFactory app)
{
    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        await using var db = app.CreateDbContext();
        Assert.False(db.Database.HasPendingModelChanges(),
            $"Run scripts/add-migration.sh: the {app.Provider} model changed without a migration.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }
}

[Collection(nameof(SqliteCrm))]
public sealed class MigrationSqliteTests(SqliteApp app) : MigrationTests(app);

[Collection(nameof(PostgresCrm))]
public sealed class MigrationPostgresTests(PostgresApp app) : MigrationTests(app);
