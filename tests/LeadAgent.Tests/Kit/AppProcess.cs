using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using LeadAgent.Tests.App;
using LeadAgent.Web;
using LeadAgent.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Kit;

/// <summary>
/// The real executable as its own process (<c>dotnet LeadAgent.Web.dll</c>), for tests that kill it or run a CLI verb
/// end to end; settings are passed as environment variables.
/// </summary>
public static class AppProcess
{
    /// <summary>
    /// Settings for the real executable on a fresh data directory (plus <paramref name="settings"/>), a sales user with
    /// an API token made with the CLI, and an HTTP client for the port the app will listen on.
    /// </summary>
    public static async Task<(Dictionary<string, string> Env, string Connection, HttpClient Http)> PrepareProcessAsync(
        Provider provider, TestDatabase database, string dataDir, string email, Dictionary<string, string> settings)
    {
        var sqlite = provider == Provider.Sqlite;
        var connection = sqlite
            ? $"Data Source={Path.Combine(dataDir, "leadagent.db")};Pooling=False"
            : database.ConnectionString;
        var env = new Dictionary<string, string>(settings)
        {
            ["DataDirectory"] = dataDir,
            ["Database__Provider"] = provider.ToString(),
            ["ConnectionStrings__LeadAgent"] = sqlite ? "" : database.ConnectionString,
            ["Demo__Seed"] = "false",
        };
        await RunHereAsync(env, "a-long-password-1",
            "users", "add", "--email", email, "--role", "sales", "--password-stdin");
        var token = (await RunHereAsync(env, null, "tokens", "create", "--email", email, "--name", "crash")).Trim();
        var port = FreePort();
        env["Urls"] = $"http://127.0.0.1:{port}";
        var http = new HttpClient
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (env, connection, http);
    }

    /// <summary>The database a process used, opened directly (not through an app).</summary>
    public static AppDbContext Open(Provider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options,
            provider == Provider.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, connection);
        return new AppDbContext(options.Options, SystemActorSource.Instance, TimeProvider.System);
    }

    /// <summary>The executable of this test build; a test of a published app passes its own.</summary>
    public static string BuiltApp { get; } = Path.Combine(AppContext.BaseDirectory, "LeadAgent.Web.dll");

    private static ProcessStartInfo Start(string app, Dictionary<string, string> env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(app);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (key, value) in env)
        {
            psi.Environment[key] = value;
        }
        return psi;
    }

    /// <summary>
    /// Runs a CLI verb in this process, on an app built with the same settings, and returns its output; it must
    /// succeed. For a process test's set-up: the verb's code is the executable's, without the seconds a process takes
    /// to start (<see cref="CliProcessTests"/> runs the verbs in the executable itself).
    /// </summary>
    public static async Task<string> RunHereAsync(Dictionary<string, string> env, string? stdin, params string[] args)
    {
        // Named as the executable, whose static asset manifest it maps (this process's entry point is the test host).
        await using var app = LeadAgentApp.Build(
            ["--applicationName=LeadAgent.Web", .. env.Select(s => $"--{s.Key.Replace("__", ":")}={s.Value}")]);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Cli.RunVerbAsync(app.Services, args, new Cli.Terminal(new StringReader(stdin ?? ""), output,
            error));
        Assert.True(code == 0, $"{error}{output}");
        return output.ToString();
    }

    /// <summary>Runs a CLI verb to its end and returns its exit code, standard output and standard error.</summary>
    public static Task<(int Code, string Out, string Err)> RunVerbAsync(
        Dictionary<string, string> env, string? stdin, params string[] args) =>
        RunVerbOfAsync(BuiltApp, env, stdin, args);

    /// <summary>Runs a verb of the given executable (e.g. a published one) to its end.</summary>
    public static async Task<(int Code, string Out, string Err)> RunVerbOfAsync(
        string app, Dictionary<string, string> env, string? stdin, params string[] args)
    {
        using var process = Process.Start(Start(app, env, args))!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the app serving (the default verb); the caller kills it.</summary>
    public static Process Serve(Dictionary<string, string> env, string? app = null)
    {
        var process = Process.Start(Start(app ?? BuiltApp, env))!;
        // Drain the output so the app never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task WaitReadyAsync(HttpClient http, Process process, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            Assert.False(process.HasExited, "the app exited during start-up");
            try
            {
                if ((await http.GetAsync("/readyz", ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException("the app did not become ready");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Tests that start whole app processes at full speed and kill them run one after another (beside the other
/// collections), so no two of them compete for the two cores while timing their kills.
/// </summary>
[CollectionDefinition(nameof(KilledProcesses))]
public sealed class KilledProcesses;
