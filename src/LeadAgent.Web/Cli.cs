using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Accounts;
using LeadAgent.Web.Features.Demo;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace LeadAgent.Web;

/// <summary>
/// Verbs on the same executable: <c>serve</c> (default), <c>migrate</c>, <c>users add</c>, <c>tokens create</c>, <c>seed-demo</c>.
/// </summary>
public static class Cli
{
    private static readonly string[] Verbs = ["serve", "migrate", "users", "tokens", "seed-demo", "import", "inbox", "help", "--help", "-h"];

    /// <summary>The arguments the host sees: the verb and its own options removed, so only host options (--urls, …) remain.</summary>
    public static string[] HostArgs(string[] args)
    {
        if (args.Length == 0 || !Verbs.Contains(args[0]))
        {
            return args;
        }
        return args[0] == "serve" ? args[1..] : [];
    }

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var verb = args.Length > 0 && Verbs.Contains(args[0]) ? args[0] : "serve";
        var rest = args.Length > 0 && Verbs.Contains(args[0]) ? args[1..] : args;
        try
        {
            switch (verb)
            {
                case "serve":
                    app.Lifetime.ApplicationStarted.Register(() =>
                        Console.WriteLine($"LeadAgent is running at {string.Join(", ", app.Urls)}  (press Ctrl+C to stop)"));
                    await app.RunAsync();
                    return 0;
                case "migrate":
                    await DatabaseSetup.MigrateAsync(app.Services);
                    Console.WriteLine("Database is up to date.");
                    return 0;
                case "users" when rest.FirstOrDefault() == "add":
                    return await AddUserAsync(app, rest[1..]);
                case "tokens" when rest.FirstOrDefault() == "create":
                    return await CreateTokenAsync(app, rest[1..]);
                case "import":
                    await PrepareAsync(app);
                    return await ImportCommand.RunAsync(app.Services, rest);
                case "inbox" when rest.FirstOrDefault() == "backfill":
                    await PrepareAsync(app);
                    return await BackfillAsync(app, rest[1..]);
                case "seed-demo":
                    await PrepareAsync(app);
                    await using (var scope = app.Services.CreateAsyncScope())
                    {
                        var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
                        Console.WriteLine($"Seeded the demo workspace: {seeded} leads.");
                    }
                    return 0;
                default:
                    PrintHelp();
                    return verb is "help" or "--help" or "-h" ? 0 : 2;
            }
        }
        catch (ValidationFailedException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e) when (e is ConflictException or NotFoundException or ArgumentException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task PrepareAsync(WebApplication app)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UserService>().EnsureRolesAsync();
    }

    private static async Task<int> AddUserAsync(WebApplication app, string[] args)
    {
        var email = Option(args, "--email");
        var role = Option(args, "--role") ?? Roles.Sales;
        var name = Option(args, "--name");
        if (email is null || !args.Contains("--password-stdin"))
        {
            await Console.Error.WriteLineAsync("usage: users add --email E --role admin|sales|viewer [--name N] --password-stdin   (password read from standard input)");
            return 2;
        }
        var password = (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n');
        await PrepareAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserService>().CreateAsync(new UserInput(email, name, role, password));
        Console.WriteLine($"Created {user.Role} {user.Email} ({user.Id}).");
        return 0;
    }

    // Queues the history through the same path as webhooks, then processes it here (no web worker runs in the CLI).
    private static async Task<int> BackfillAsync(WebApplication app, string[] args)
    {
        await app.Services.GetRequiredService<Features.Inbox.Providers.RespondIo.RespondIoConnection>()
            .ReloadAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var contacts = Option(args, "--contacts") is { } c ? int.Parse(c, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var messages = Option(args, "--messages") is { } m ? int.Parse(m, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var result = await scope.ServiceProvider.GetRequiredService<Features.Inbox.Processing.BackfillService>()
            .RunAsync(new Features.Inbox.Processing.BackfillInput(contacts, messages));
        Console.WriteLine($"Fetched {result.Contacts} contacts and {result.Messages} messages: {result.Queued} new, {result.AlreadyKnown} already known.");
        var processor = app.Services.GetRequiredService<Features.Inbox.Processing.WebhookProcessor>();
        var processed = 0;
        for (int n; (n = await processor.ProcessDueAsync(CancellationToken.None)) > 0;)
        {
            processed += n;
            Console.Write($"\rProcessed {processed} events…");
        }
        Console.WriteLine($"\rProcessed {processed} events.   ");
        return 0;
    }

    private static async Task<int> CreateTokenAsync(WebApplication app, string[] args)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name");
        if (email is null || name is null)
        {
            await Console.Error.WriteLineAsync("usage: tokens create --email E --name N");
            return 2;
        }
        await PrepareAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email.Trim().ToLowerInvariant())
            ?? throw new NotFoundException("User", email);
        var created = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(user.Id, new TokenInput(name));
        // The secret alone on stdout, so scripts can capture it.
        Console.WriteLine(created.Secret);
        return 0;
    }

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static void PrintHelp() => Console.WriteLine("""
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
        """);
}
