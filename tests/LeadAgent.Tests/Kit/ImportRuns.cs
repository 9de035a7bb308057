using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LeadAgent.Web.Features.Imports;

namespace LeadAgent.Tests.Kit;

/// <summary>Files imported through the API, waited for until the run has finished.</summary>
public static class ImportRuns
{
    public static Task<ImportRunDto> ImportAsync(this HttpClient c, string csv, string name, string query) =>
        c.ImportAsync(Encoding.UTF8.GetBytes(csv), name, query);

    public static async Task<ImportRunDto> ImportAsync(this HttpClient c, byte[] file, string name, string query)
    {
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await c.PostAsync($"/api/v1/imports?fileName={Uri.EscapeDataString(name)}&{query}", content, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        var run = await response.ReadAsync<ImportRunDto>();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!run.IsFinished && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
            run = await (await c.GetAsync($"/api/v1/imports/{run.Id}", Ct)).ReadAsync<ImportRunDto>();
        }
        Assert.True(run.IsFinished, $"Import {run.Id} did not finish: {run.Status} {run.RowsDone}/{run.TotalRows}");
        return run;
    }

    /// <summary>A CSV request body.</summary>
    public static ByteArrayContent Csv(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }
}
