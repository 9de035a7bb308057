namespace LeadAgent.Tests.Kit;

// The API test classes share one app (and database) per provider and area instead of starting one each: the classes
// of a collection run one after another, so none sees another's writes half done, and each test keeps its records
// apart with unique names. Tests whose outcome depends on everything in the database keep their own app.

/// <summary>Records, accounts, orders and duplicates through the API, on SQLite.</summary>
[CollectionDefinition(nameof(SqliteCrm))]
public sealed class SqliteCrm : ICollectionFixture<SqliteApp>;

/// <summary>Records, orders and duplicates through the API, on PostgreSQL.</summary>
[CollectionDefinition(nameof(PostgresCrm))]
public sealed class PostgresCrm : ICollectionFixture<PostgresApp>;

/// <summary>Imports and exports through the API, on SQLite.</summary>
[CollectionDefinition(nameof(SqliteImports))]
public sealed class SqliteImports : ICollectionFixture<SqliteApp>;

/// <summary>Imports and exports through the API, on PostgreSQL.</summary>
[CollectionDefinition(nameof(PostgresImports))]
public sealed class PostgresImports : ICollectionFixture<PostgresApp>;
