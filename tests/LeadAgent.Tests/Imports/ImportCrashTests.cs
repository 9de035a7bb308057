using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LeadAgent.Tests.Infrastructure;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.Api;

/// <summary>
/// The real executable is killed (SIGKILL, no shutdown) while it imports 100,000 rows, then started again: the run
/// resumes from its last committed batch and ends with every row exactly once, and while the process is dead the
/// database holds exactly the rows the run says it has done.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class ImportCrashTests
{
    private const int Rows = 100_000;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Killed_mid_import_resumes_without_duplicates_or_lost_rows(Provider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var dataDir = Directory.CreateTempSubdirectory("leadagent-crash").FullName;
        // A dead worker's claim runs out quickly, so the restarted process takes the run over.
        var (env, connection, http) = await PrepareProcessAsync(provider, database, dataDir, "importer@example.com",
            new() { ["Imports__LeaseSeconds"] = "3", ["Imports__PollSeconds"] = "1" });
        using var _ = http;

        Guid id;
        var first = Serve(env);
        try
        {
            await WaitReadyAsync(http, first, ct);
            var body = new ByteArrayContent(Csv());
            body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var started = await http.PostAsync("/api/v1/imports?kind=Leads&fileName=crash.csv&defaultCountry=DE", body, ct);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            id = (await started.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

            // Kill once a few batches are committed and well before the end.
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var run = await http.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}", ct);
                var done = run.GetProperty("rowsDone").GetInt32();
                Assert.True(done < Rows, "the import finished before it could be killed");
                if (done >= 3_000)
                {
                    break;
                }
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the import made no progress");
                await Task.Delay(50, ct);
            }
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(ct);
        }

        await using (var db = Open(provider, connection))
        {
            var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == id, ct);
            Assert.Equal(ImportStatus.Running, run.Status);
            Assert.InRange(run.RowsDone, 1, Rows - 1);
            // Every row here is a new lead: what is committed is exactly what the run says is done, never half a batch.
            Assert.Equal(run.RowsDone, await db.Leads.CountAsync(ct));
            Assert.Equal(run.RowsDone, await db.Leads.CountAsync(l => l.ImportRunId == id, ct));
            Assert.Equal(run.RowsDone, await db.Contacts.CountAsync(c => c.ImportRunId == id, ct));
        }

        var second = Serve(env);
        try
        {
            await WaitReadyAsync(http, second, ct);
            var clock = Stopwatch.StartNew();
            JsonElement run;
            do
            {
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "the import did not resume");
                await Task.Delay(250, ct);
                run = await http.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}", ct);
            }
            while (run.GetProperty("status").GetString() is "Queued" or "Running");
            Assert.Equal("Completed", run.GetProperty("status").GetString());
            Assert.Equal(Rows, run.GetProperty("rowsDone").GetInt32());
            Assert.Equal(Rows, run.GetProperty("created").GetInt32());
            Assert.Equal(0, run.GetProperty("rejected").GetInt32());
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync(ct);
        }

        await using (var db = Open(provider, connection))
        {
            Assert.Equal(Rows, await db.Leads.CountAsync(ct));
            Assert.Equal(Rows, await db.Leads.Select(l => l.Title).Distinct().CountAsync(ct));
            Assert.Equal(Rows, await db.Contacts.CountAsync(ct));
            Assert.Equal(Rows * 4 / 5, await db.Companies.CountAsync(ct));
            Assert.Equal(Rows * 2, await db.ContactIdentities.CountAsync(ct));
            Assert.Equal(Rows * 2, await db.ContactIdentities.Select(i => i.Value).Distinct().CountAsync(ct));
            // Every record names the run that created it; the audit log has the run's outcome once.
            Assert.Equal(Rows, await db.Leads.CountAsync(l => l.ImportRunId == id, ct));
            Assert.Equal(Rows * 4 / 5, await db.Companies.CountAsync(c => c.ImportRunId == id, ct));
            var outcome = await db.Activity.SingleAsync(a => a.BatchId == id && a.EntityType == "Import", ct);
            Assert.Equal("import-completed", outcome.Action);
            Assert.Equal(Rows, JsonDocument.Parse(outcome.Changes!).RootElement.GetProperty("created").GetInt32());
        }
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // Every fifth row is another lead at the previous row's company.
    private static byte[] Csv()
    {
        var sb = new StringBuilder("company_name,company_domain,contact_first_name,contact_last_name,contact_email,contact_phone,title,expected_value\n");
        for (var i = 0; i < Rows; i++)
        {
            var c = i - (i % 5 == 4 ? 1 : 0);
            sb.Append($"Crashwerk {c} GmbH,crashwerk{c}.de,Anna{i},Muster{i},anna{i}@crashwerk{c}.de,030 {1_000_000 + i},Lead {i},{i % 900}\n");
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>
    /// Settings for the real executable on a fresh data directory (plus <paramref name="settings"/>), a sales user with an
    /// API token made with the CLI, and an HTTP client for the port the app will listen on.
    /// </summary>
    internal static async Task<(Dictionary<string, string> Env, string Connection, HttpClient Http)> PrepareProcessAsync(
        Provider provider, TestDatabase database, string dataDir, string email, Dictionary<string, string> settings)
    {
        var connection = provider == Provider.Sqlite ? $"Data Source={Path.Combine(dataDir, "leadagent.db")};Pooling=False" : database.ConnectionString;
        var env = new Dictionary<string, string>(settings)
        {
            ["DataDirectory"] = dataDir,
            ["Database__Provider"] = provider.ToString(),
            ["ConnectionStrings__LeadAgent"] = provider == Provider.Sqlite ? "" : database.ConnectionString,
            ["Demo__Seed"] = "false",
        };
        Assert.Equal(0, (await RunAsync(env, "a-long-password-1", "users", "add", "--email", email, "--role", "sales", "--password-stdin")).Code);
        var token = (await RunAsync(env, null, "tokens", "create", "--email", email, "--name", "crash")).Out.Trim();
        var port = FreePort();
        env["Urls"] = $"http://127.0.0.1:{port}";
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (env, connection, http);
    }

    internal static AppDbContext Open(Provider provider, string connection)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, provider == Provider.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, connection);
        return new AppDbContext(options.Options, SystemActorSource.Instance, TimeProvider.System);
    }

    private static ProcessStartInfo Start(Dictionary<string, string> env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LeadAgent.Web.dll"));
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

    internal static async Task<(int Code, string Out)> RunAsync(Dictionary<string, string> env, string? stdin, params string[] args)
    {
        using var process = Process.Start(Start(env, args))!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);
        Assert.True(process.ExitCode == 0, await error + await output);
        return (process.ExitCode, await output);
    }

    internal static Process Serve(Dictionary<string, string> env)
    {
        var process = Process.Start(Start(env))!;
        // Drain the output so the app never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitReadyAsync(HttpClient http, Process process, CancellationToken ct)
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

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Heavy tests (whole app processes at full speed) run after the others, not beside them: they would slow the browser tests down.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
