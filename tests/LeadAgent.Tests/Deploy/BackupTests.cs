using System.Net.Http.Json;
using LeadAgent.Web;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Inbox.Providers.RespondIo;
using LeadAgent.Web.Infrastructure.Backup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LeadAgent.Tests.Deploy;

/// <summary>The app started on a data directory of its own (database and key ring in it, the defaults).</summary>
public sealed class DataDirectoryApp(string dataDirectory) : AppFactory(Provider.Sqlite)
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("DataDirectory", dataDirectory);
        builder.UseSetting("ConnectionStrings:LeadAgent", "");
    }
}

/// <summary>
/// <c>backup</c> while the app runs, <c>restore</c> into an empty data directory, and the app started on it finds the
/// same data, and the secrets saved in the app still decrypt (the key ring came along).
/// </summary>
public sealed class BackupTests(SqliteApp app) : IClassFixture<SqliteApp>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("leadagent-backup-test-").FullName;

    [Fact]
    public async Task A_backup_of_the_running_app_restores_with_its_data_and_secrets()
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var kept = await admin.CreateAsync(Make.Company("Backed Up " + Unique()));
        var secret = "rio-token-" + Unique(16);
        var saved = await admin.PutAsJsonAsync("/api/v1/inbox/settings", new { apiToken = secret }, Ct);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));
        var archive = Path.Combine(_dir, "nightly.zip");

        var backup = await RunAsync(app.Services, "backup", archive);
        Assert.True(backup.Code == 0, backup.Err);
        var later = await admin.CreateAsync(Make.Company("After The Backup " + Unique()));

        var target = Path.Combine(_dir, "restored");
        var restore = await RunAsync(Settings(target), "restore", archive);
        Assert.True(restore.Code == 0, restore.Err);

        await using var restored = new DataDirectoryApp(target);
        await restored.InitializeAsync();
        await using (var db = restored.CreateDbContext())
        {
            Assert.Equal(kept.Name, (await db.Companies.SingleAsync(c => c.Id == kept.Id, Ct)).Name);
            Assert.False(await db.Companies.AnyAsync(c => c.Id == later.Id, Ct));
        }
        Assert.Equal(secret, restored.Services.GetRequiredService<RespondIoConnection>().Current.ApiToken);
    }

    [Fact]
    public async Task Restore_refuses_a_data_directory_with_data_unless_forced()
    {
        var archive = Path.Combine(_dir, "copy.zip");
        Assert.Equal(0, (await RunAsync(app.Services, "backup", archive)).Code);
        var target = Path.Combine(_dir, "in-use");
        Directory.CreateDirectory(Path.Combine(target, "keys"));
        var existingKey = Path.Combine(target, "keys", "key-old.xml");
        await File.WriteAllTextAsync(existingKey, "<key/>", Ct);

        var refused = await RunAsync(Settings(target), "restore", archive);

        Assert.Equal(1, refused.Code);
        Assert.Contains("--force", refused.Err);
        Assert.False(File.Exists(Path.Combine(target, "leadagent.db")));
        var forced = await RunAsync(Settings(target), "restore", archive, "--force");
        Assert.True(forced.Code == 0, forced.Err);
        Assert.False(File.Exists(existingKey));
        Assert.True(File.Exists(Path.Combine(target, "leadagent.db")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(target, "keys"), "*.xml"));
    }

    [Fact]
    public async Task On_PostgreSQL_both_verbs_point_to_pg_dump()
    {
        var postgres = Settings(_dir, ("Database:Provider", "Postgres"));

        var backup = await RunAsync(postgres, "backup", Path.Combine(_dir, "pg.zip"));
        var restore = await RunAsync(postgres, "restore", Path.Combine(_dir, "pg.zip"));

        Assert.Equal((1, 1), (backup.Code, restore.Code));
        Assert.All(new[] { backup.Err, restore.Err }, e => Assert.Equal(BackupCommand.PostgresAdvice, e.Trim()));
        Assert.False(File.Exists(Path.Combine(_dir, "pg.zip")));
    }

    // A restore runs before anything opens the database: it needs only the settings that name the data directory.
    private static ServiceProvider Settings(string dataDirectory, params (string Key, string Value)[] more) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(more.Select(m => KeyValuePair.Create(m.Key, (string?)m.Value))
                    .Append(KeyValuePair.Create("DataDirectory", (string?)dataDirectory)))
                .Build())
            .AddSingleton(TimeProvider.System)
            .BuildServiceProvider();

    private static async Task<(int Code, string Out, string Err)> RunAsync(
        IServiceProvider services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunVerbAsync(services, args, new Cli.Terminal(new StringReader(""), output, error));
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
