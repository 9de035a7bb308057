using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LeadAgent.Web.Data;

public static class DatabaseSetup
{
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var provider = builder.Configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        var connectionString = ResolveConnectionString(builder.Configuration, provider);
        var synchronous = builder.Configuration.GetValue(
            DatabaseOptions.Section + ":SqliteSynchronous", SqliteSynchronous.Full);

        // Scoped factory: each context it creates can see the scope's actor (request user, token or circuit user).
        builder.Services.AddDbContextFactory<AppDbContext>(
            o => Configure(o, provider, connectionString, synchronous), ServiceLifetime.Scoped);
        builder.Services.AddSingleton<SqliteWriteGate>();
        builder.Services.AddScoped<HttpActorSource>();
        builder.Services.AddScoped<IActorSource>(sp => sp.GetRequiredService<HttpActorSource>());
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        return builder;
    }

    public static void Configure(
        DbContextOptionsBuilder o, DatabaseProvider provider, string connectionString,
        SqliteSynchronous synchronous = SqliteSynchronous.Full)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            o.UseNpgsql(connectionString, n => n.MigrationsAssembly(LoadMigrations("LeadAgent.Migrations.Postgres")));
        }
        else
        {
            o.UseSqlite(connectionString, s => s.MigrationsAssembly(LoadMigrations("LeadAgent.Migrations.Sqlite")));
            o.AddInterceptors(Interceptors.GetOrAdd(synchronous, s => new SqlitePragmas(s)), Interrupt);
        }
        // Capped counts (Take before Count) need no order; every page of rows is ordered by its keyset.
        o.ConfigureWarnings(w => w.Log((CoreEventId.RowLimitingOperationWithoutOrderByWarning, LogLevel.Debug)));
    }

    public static string ResolveConnectionString(IConfiguration configuration, DatabaseProvider provider)
    {
        var configured = configuration.GetConnectionString("LeadAgent");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:LeadAgent is not set.");
        }
        var dir = Path.GetFullPath(configuration["DataDirectory"] ?? "data");
        Directory.CreateDirectory(dir);
        // Private cache (not Cache=Shared): shared-cache table locks make concurrent writers spin in 150 ms retries.
        return $"Data Source={Path.Combine(dir, "leadagent.db")};Pooling=True";
    }

    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> MigrationAssemblies = new();

    // One interceptor instance per setting: EF builds its internal service provider per distinct set of interceptors.
    private static readonly ConcurrentDictionary<SqliteSynchronous, SqlitePragmas> Interceptors = new();
    private static readonly SqliteInterrupt Interrupt = new();

    // Options are built per scope and concurrently, so each migrations assembly is resolved once, thread-safely.
    private static Assembly LoadMigrations(string name) =>
        MigrationAssemblies.GetOrAdd(name, n => new Lazy<Assembly>(() => ResolveMigrations(n))).Value;

    // Referenced projects (tests, bench) have it in their dependencies; the app finds it next to itself, where the
    // web project's build puts it (see LeadAgent.Web.csproj) without listing it in deps.json.
    private static Assembly ResolveMigrations(string name)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
        }
        var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
        return File.Exists(path)
            ? AssemblyLoadContext.Default.LoadFromAssemblyPath(path)
            : throw new FileNotFoundException(
                $"Migrations assembly {name}.dll not found next to the app; build LeadAgent.Web again.", path);
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider
            .GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync(ct);
        if (db.IsSqlite)
        {
            // WAL lets readers continue while a bulk change is written.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.MigrateAsync(ct);
    }
}
