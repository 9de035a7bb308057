using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Features.Leads;
using Microsoft.EntityFrameworkCore;
using static LeadAgent.Tests.Kit.AppProcess;

namespace LeadAgent.Tests.Imports;

/// <summary>
/// The real executable is killed (SIGKILL, no shutdown) while it imports 6,000 rows in batches of 250, then started
/// again: the run resumes from its last committed batch and ends with every row exactly once, and while the process
/// is dead the database holds exactly the rows the run says it has done.
/// </summary>
[Collection(nameof(KilledProcesses))]
public sealed class ImportCrashTests
{
    // Many small batches give as many commits for the kill to land between as a large file in default batches.
    private const int Rows = 6_000;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Killed_mid_import_resumes_without_duplicates_or_lost_rows(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var dataDir = Directory.CreateTempSubdirectory("leadagent-crash").FullName;
        // A dead worker's claim runs out quickly, so the restarted process takes the run over.
        var (env, connection, http) = await PrepareProcessAsync(provider, database, dataDir, "importer@example.com",
            new() { ["Imports__LeaseSeconds"] = "3", ["Imports__PollSeconds"] = "1", ["Imports__BatchSize"] = "250" });
        using var _ = http;

        Guid id;
        var first = Serve(env);
        try
        {
            await WaitReadyAsync(http, first, Ct);
            var body = new ByteArrayContent(Csv());
            body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var started = await http.PostAsync(
                "/api/v1/imports?kind=Leads&fileName=crash.csv&defaultCountry=DE", body, Ct);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

            // Kill once a few batches are committed and well before the end.
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var run = await http.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}", Ct);
                var done = run.GetProperty("rowsDone").GetInt32();
                Assert.True(done < Rows, "the import finished before it could be killed");
                if (done >= 1_500)
                {
                    break;
                }
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), "the import made no progress");
                await Task.Delay(50, Ct);
            }
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(Ct);
        }

        await using (var db = Open(provider, connection))
        {
            var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
            Assert.Equal(ImportStatus.Running, run.Status);
            Assert.InRange(run.RowsDone, 1, Rows - 1);
            // Every row here is a new lead: what is committed is exactly what the run says is done, never half a
            // batch.
            Assert.Equal(run.RowsDone, await db.Leads.CountAsync(Ct));
            Assert.Equal(run.RowsDone, await db.Leads.CountAsync(l => l.ImportRunId == id, Ct));
            Assert.Equal(run.RowsDone, await db.Contacts.CountAsync(c => c.ImportRunId == id, Ct));
        }

        var second = Serve(env);
        try
        {
            await WaitReadyAsync(http, second, Ct);
            var clock = Stopwatch.StartNew();
            JsonElement run;
            do
            {
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), "the import did not resume");
                await Task.Delay(250, Ct);
                run = await http.GetFromJsonAsync<JsonElement>($"/api/v1/imports/{id}", Ct);
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
            await second.WaitForExitAsync(Ct);
        }

        await using (var db = Open(provider, connection))
        {
            Assert.Equal(Rows, await db.Leads.CountAsync(Ct));
            Assert.Equal(Rows, await db.Leads.Select(l => l.Title).Distinct().CountAsync(Ct));
            Assert.Equal(Rows, await db.Contacts.CountAsync(Ct));
            Assert.Equal(Rows * 4 / 5, await db.Companies.CountAsync(Ct));
            Assert.Equal(Rows * 2, await db.ContactIdentities.CountAsync(Ct));
            Assert.Equal(Rows * 2, await db.ContactIdentities.Select(i => i.Value).Distinct().CountAsync(Ct));
            // Every record names the run that created it; the audit log has the run's outcome once.
            Assert.Equal(Rows, await db.Leads.CountAsync(l => l.ImportRunId == id, Ct));
            Assert.Equal(Rows * 4 / 5, await db.Companies.CountAsync(c => c.ImportRunId == id, Ct));
            var outcome = await db.Activity.SingleAsync(a => a.BatchId == id && a.EntityType == "Import", Ct);
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
        var sb = new StringBuilder("company_name,company_domain,contact_first_name,contact_last_name,contact_email,"
            + "contact_phone,title,expected_value\n");
        for (var i = 0; i < Rows; i++)
        {
            var c = i - (i % 5 == 4 ? 1 : 0);
            sb.Append($"Crashwerk {c} GmbH,crashwerk{c}.de,Anna{i},Muster{i},anna{i}@crashwerk{c}.de,"
                + $"030 {1_000_000 + i},Lead {i},{i % 900}\n");
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
