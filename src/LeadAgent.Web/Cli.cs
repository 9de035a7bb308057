using System.Globalization;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Demo;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using LeadAgent.Web.Infrastructure.Backup;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web;

/// <summary>
/// Verbs on the same executable: <c>serve</c> (default), <c>migrate</c>, <c>users add</c>, <c>tokens create</c>,
/// <c>seed-demo</c>, <c>import</c>, <c>inbox backfill</c>, <c>discover run</c>, <c>enrich</c>, <c>backup</c>,
/// <c>restore</c>.
/// </summary>
public static class Cli
{
    private static readonly string[] Verbs =
        ["serve", "migrate", "users", "tokens", "seed-demo", "import", "inbox", "discover", "enrich", "backup",
            "restore", "help", "--help", "-h"];

    /// <summary>
    /// The arguments the host sees: the verb and its own options removed, so only host options (--urls, …) remain.
    /// </summary>
    public static string[] HostArgs(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            return args;
        }
        return args[0] == "serve" ? args[1..] : [];
    }

    public static Task<int> RunAsync(WebApplication app, string[] args)
    {
        var terminal = new Terminal(Console.In, Console.Out, Console.Error);
        if (args.Length > 0 && Verbs.Contains(args[0]) && args[0] != "serve")
        {
            return RunVerbAsync(app.Services, args, terminal);
        }
        return GuardedAsync(terminal, async () =>
        {
            app.Lifetime.ApplicationStarted.Register(() =>
                Console.WriteLine($"LeadAgent is running at {string.Join(", ", app.Urls)}  (press Ctrl+C to stop)"));
            await app.RunAsync();
            return 0;
        });
    }

    /// <summary>Standard input, output and error of a verb: the process's own, or a test's.</summary>
    public sealed record Terminal(TextReader In, TextWriter Out, TextWriter Error);

    /// <summary>Runs a verb other than <c>serve</c> on the app's services; the host need not be started.</summary>
    public static Task<int> RunVerbAsync(IServiceProvider services, string[] args, Terminal terminal) =>
        GuardedAsync(terminal, () => VerbAsync(services, args[0], args[1..], terminal));

    private static async Task<int> VerbAsync(IServiceProvider services, string verb, string[] rest, Terminal terminal)
    {
        switch (verb)
        {
            case "migrate":
                await DatabaseSetup.MigrateAsync(services);
                await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>()
                                 .CreateDbContextAsync())
                {
                    await Features.Search.SqliteSearchIndex.EnsureAsync(db);
                }
                await terminal.Out.WriteLineAsync("Database is up to date.");
                return 0;
            case "users" when rest.FirstOrDefault() == "add":
                return await AddUserAsync(services, rest[1..], terminal);
            case "users" when rest.FirstOrDefault() == "set-password":
                return await SetPasswordCommand.RunAsync(services, rest[1..], terminal);
            case "tokens" when rest.FirstOrDefault() == "create":
                return await CreateTokenAsync(services, rest[1..], terminal);
            case "import":
                await PrepareAsync(services);
                return await ImportCommand.RunAsync(services, rest);
            case "inbox" when rest.FirstOrDefault() == "backfill":
                await PrepareAsync(services);
                return await BackfillAsync(services, rest[1..], terminal);
            case "discover":
                await PrepareAsync(services);
                return await Features.Discovery.DiscoverCommand.RunCampaignAsync(services, rest, terminal);
            case "enrich":
                await PrepareAsync(services);
                return await Features.Discovery.DiscoverCommand.EnrichAsync(services, rest, terminal);
            case "backup":
                return await BackupCommand.BackupAsync(services, rest, terminal);
            case "restore":
                return await BackupCommand.RestoreAsync(services, rest, terminal);
            case "seed-demo":
                await PrepareAsync(services);
                await using (var scope = services.CreateAsyncScope())
                {
                    var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
                        .SeedAsync(CancellationToken.None);
                    await terminal.Out.WriteLineAsync($"Seeded the demo workspace: {seeded} leads.");
                }
                return 0;
            default:
                await terminal.Out.WriteLineAsync(Help);
                return verb is "help" or "--help" or "-h" ? 0 : 2;
        }
    }

    // What a user got wrong is told in one line on standard error, with exit code 1.
    private static async Task<int> GuardedAsync(Terminal terminal, Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (ValidationFailedException e)
        {
            await terminal.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e) when (e is ConflictException or NotFoundException or ArgumentException)
        {
            await terminal.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task PrepareAsync(IServiceProvider services)
    {
        await DatabaseSetup.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserService>().EnsureRolesAsync();
    }

    private static async Task<int> AddUserAsync(IServiceProvider services, string[] args, Terminal terminal)
    {
        var email = Option(args, "--email");
        var role = Option(args, "--role") ?? Roles.Sales;
        var name = Option(args, "--name");
        if (email is null || !args.Contains("--password-stdin"))
        {
            await terminal.Error.WriteLineAsync("usage: users add --email E --role admin|sales|viewer [--name N] "
                + "--password-stdin   (password read from standard input)");
            return 2;
        }
        var password = (await terminal.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        await PrepareAsync(services);
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserService>()
            .CreateAsync(new UserInput(email, name, role, password));
        await terminal.Out.WriteLineAsync($"Created {user.Role} {user.Email} ({user.Id}).");
        return 0;
    }

    // Queues the history through the same path as webhooks, then processes it here (no web worker runs in the CLI).
    private static async Task<int> BackfillAsync(IServiceProvider services, string[] args, Terminal terminal)
    {
        await services.GetRequiredService<Features.Inbox.Providers.RespondIo.RespondIoConnection>()
            .ReloadAsync(CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        var contacts = Option(args, "--contacts") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : (int?)null;
        var messages = Option(args, "--messages") is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : (int?)null;
        var result = await scope.ServiceProvider.GetRequiredService<Features.Inbox.Processing.BackfillService>()
            .RunAsync(new Features.Inbox.Processing.BackfillInput(contacts, messages));
        await terminal.Out.WriteLineAsync($"Fetched {result.Contacts} contacts and {result.Messages} messages: "
            + $"{result.Queued} new, {result.AlreadyKnown} already known.");
        var processor = services.GetRequiredService<Features.Inbox.Processing.WebhookProcessor>();
        var processed = 0;
        for (int n; (n = await processor.ProcessDueAsync(CancellationToken.None)) > 0;)
        {
            processed += n;
            await terminal.Out.WriteAsync($"\rProcessed {processed} events…");
        }
        await terminal.Out.WriteLineAsync($"\rProcessed {processed} events.   ");
        return 0;
    }

    private static async Task<int> CreateTokenAsync(IServiceProvider services, string[] args, Terminal terminal)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name");
        if (email is null || name is null)
        {
            await terminal.Error.WriteLineAsync("usage: tokens create --email E --name N");
            return 2;
        }
        await PrepareAsync(services);
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>()
            .FindByEmailAsync(email.Trim().ToLowerInvariant())
            ?? throw new NotFoundException("User", email);
        var created = await scope.ServiceProvider.GetRequiredService<TokenService>()
            .CreateAsync(user.Id, new TokenInput(name));
        // The secret alone on stdout, so scripts can capture it.
        await terminal.Out.WriteLineAsync(created.Secret);
        return 0;
    }

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private const string Help = """
        LeadAgent — usage: dotnet run --project src/LeadAgent.Web -- [VERB] [options]
          serve [--urls URL]                                   run the web app (default)
          migrate                                              apply database migrations and exit
          users add --email E --role R [--name N] --password-stdin
          tokens create --email E --name N                     print a new API token for the user
          seed-demo                                            add the demo workspace
          import companies|contacts|leads|orders FILE [--mode create-only|create-or-update|update-only]
                 [--match domain|email|phone|external-id] [--country CC] [--delimiter ,|;|tab] [--encoding E]
                 [--no-header] [--rejected OUT.csv]                 import a CSV file, printing progress
          inbox backfill [--contacts N] [--messages N]          bring in Respond.io history (idempotent)
          discover run CAMPAIGN                                run a discovery campaign now (name or id)
          enrich DOMAIN|URL                                    research one company site and print what it found
          backup FILE                                          SQLite: zip of the database and key ring (app may run)
          restore FILE [--force]                               SQLite: into an empty data directory (app stopped)
        """;
}
