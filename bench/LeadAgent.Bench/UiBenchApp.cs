using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace LeadAgent.Bench;

/// <summary>
/// The app as people deploy it: <c>dotnet publish</c> output (or <c>LEADAGENT_PUBLISHED_APP</c>) started as its own
/// process on a fresh SQLite data directory with the demo workspace, and a sales user made with the CLI.
/// </summary>
internal sealed class UiBenchApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;

    private UiBenchApp(Process process, string url, string email, string dataDir)
    {
        _process = process;
        Url = url;
        Email = email;
        _dataDir = dataDir;
    }

    public string Url { get; }
    public string Email { get; }

    public static async Task<UiBenchApp> StartAsync(string password)
    {
        var app = Environment.GetEnvironmentVariable("LEADAGENT_PUBLISHED_APP") ?? await PublishAsync();
        var dataDir = Directory.CreateTempSubdirectory("leadagent-bench-ui").FullName;
        var port = FreePort();
        var env = new Dictionary<string, string>
        {
            ["DataDirectory"] = dataDir,
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        const string Email = "ui-bench@bench.example";
        await RunAsync(app, env, password, "users", "add", "--email", Email, "--role", "sales", "--password-stdin");
        var process = Start(app, env, "serve");
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient();
        var sw = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetAsync(url + "/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (sw.Elapsed < TimeSpan.FromMinutes(2) && !process.HasExited)
            {
            }
            await Task.Delay(200);
        }
        Console.WriteLine($"ui: published app ready in {sw.Elapsed.TotalSeconds:F1} s (demo workspace, SQLite)");
        return new UiBenchApp(process, url, Email, dataDir);
    }

    private static async Task<string> PublishAsync()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "LeadAgent.slnx")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException(
                "Set LEADAGENT_PUBLISHED_APP to a published LeadAgent.Web folder.");
        }
        var output = Path.Combine(Path.GetTempPath(), "leadagent-bench-ui-app");
        Console.WriteLine("ui: publishing the app (Release)…");
        string[] args = ["publish", Path.Combine(root, "src/LeadAgent.Web"), "-c", "Release", "-o", output, "-v", "q"];
        using var publish = Process.Start(new ProcessStartInfo("dotnet", args))!;
        await publish.WaitForExitAsync();
        return publish.ExitCode == 0 ? output : throw new InvalidOperationException("dotnet publish failed");
    }

    private static Process Start(string app, Dictionary<string, string> env, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(app, "LeadAgent.Web.dll"), .. args])
        {
            WorkingDirectory = app,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }
        var process = Process.Start(info)!;
        // Drain the output so a chatty app never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunAsync(string app, Dictionary<string, string> env, string stdin,
        params string[] args)
    {
        using var process = Start(app, env, args);
        await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', args)} failed ({process.ExitCode})");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }
}
