using System.Security.Cryptography;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Demo;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web;

/// <summary>
/// Runs before the app serves requests: applies migrations, checks SQLite's search index, creates the roles, creates
/// the first admin when there is no user (printing a one-time password once) and seeds the demo workspace into an
/// empty database.
/// </summary>
internal sealed class StartupTasks(
    IServiceProvider services, IOptions<DatabaseOptions> db, IOptions<DemoOptions> demo, ILogger<StartupTasks> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (db.Value.MigrateOnStart)
        {
            await DatabaseSetup.MigrateAsync(services, ct);
        }
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await using (var search = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>()
                         .CreateDbContextAsync(ct))
        {
            await Features.Search.SqliteSearchIndex.EnsureAsync(search, log, ct);
        }
        await sp.GetRequiredService<UserService>().EnsureRolesAsync();
        await EnsureAdminAsync(sp);
        await BackfillNameKeysAsync(sp, ct);
        await sp.GetRequiredService<Features.Inbox.Providers.RespondIo.RespondIoConnection>().ReloadAsync(ct);
        if (demo.Value.Seed)
        {
            // Sample conversations only into a workspace that was just created as a demo, never into real data.
            if (await sp.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(ct))
            {
                await sp.GetRequiredService<DemoInbox>().SeedAsync(ct);
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    // Companies created before name keys existed get theirs once, so imports and duplicate detection can match them.
    private static async Task BackfillNameKeysAsync(IServiceProvider sp, CancellationToken ct)
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        while (true)
        {
            var batch = await db.Companies
                .Where(c => c.NameKey == "" && c.Name != "")
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Name })
                .Take(1000)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }
            foreach (var c in batch)
            {
                var key = Features.Crm.Normalization.CompanyNames.Key(c.Name);
                await db.Companies.Where(x => x.Id == c.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.NameKey, key), ct);
            }
        }
    }

    private async Task EnsureAdminAsync(IServiceProvider sp)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        if (users.Users.Any())
        {
            return;
        }
        var email = sp.GetRequiredService<IConfiguration>()["Bootstrap:AdminEmail"] ?? "admin@leadagent.local";
        // Random part plus fixed classes, so Identity's rules (digit, upper, lower) always pass.
        var random = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        var password = $"La-{random}-{RandomNumberGenerator.GetInt32(10, 100)}";
        await sp.GetRequiredService<UserService>()
            .CreateAsync(new UserInput(email, "Administrator", Roles.Admin, password));
        // Printed once, on purpose, to the console only: the log may be shipped elsewhere.
        Console.WriteLine();
        Console.WriteLine("  First start: created the admin user.");
        Console.WriteLine($"    e-mail:   {email}");
        Console.WriteLine($"    password: {password}   (shown only now; change it under Profile)");
        Console.WriteLine("    lost it? run the CLI verb: users set-password " + email);
        Console.WriteLine();
        log.LogInformation("Created the first admin user {Email}", email);
    }
}
