namespace LeadAgent.Tests.Kit;

// Test classes of one area share one app (and database) per provider, as when they were one class; the classes of a
// collection run one after another, so they never see each other's writes half done.

/// <summary>Companies, contacts, leads, lists, notes and activity through the API, on SQLite.</summary>
[CollectionDefinition(nameof(SqliteCrm))]
public sealed class SqliteCrm : ICollectionFixture<SqliteApp>;

/// <summary>Companies, contacts, leads, lists, notes and activity through the API, on PostgreSQL.</summary>
[CollectionDefinition(nameof(PostgresCrm))]
public sealed class PostgresCrm : ICollectionFixture<PostgresApp>;

/// <summary>Imports and exports through the API, on SQLite.</summary>
[CollectionDefinition(nameof(SqliteImports))]
public sealed class SqliteImports : ICollectionFixture<SqliteApp>;

/// <summary>Imports and exports through the API, on PostgreSQL.</summary>
[CollectionDefinition(nameof(PostgresImports))]
public sealed class PostgresImports : ICollectionFixture<PostgresApp>;
