using System.Net;
using LeadAgent.Web.Data;

namespace LeadAgent.Tests.Imports;

/// <summary>
/// Downloads named after what the user uploaded carry that name safely (RFC 6266): the exact name in
/// <c>filename*</c> and a plain-ASCII fallback, whatever letters or quotes the name has.
/// </summary>
[Collection(nameof(SqliteImports))]
public sealed class ImportDownloadTests(SqliteApp app)
{
    [Theory]
    [InlineData("Kunden-Übersicht.csv", "rejected-Kunden-Übersicht.csv", "rejected-Kunden-_bersicht.csv")]
    [InlineData("a\"b.csv", "rejected-a\"b.csv", "rejected-a_b.csv")]
    [InlineData("年度 リスト.csv", "rejected-年度 リスト.csv", "rejected-__ ___.csv")]
    public async Task Rejected_rows_download_under_the_uploaded_name(string upload, string name, string ascii)
    {
        var c = await app.ClientAsync(Roles.Sales);
        var run = await c.ImportAsync($"name,country\nNowhere {Unique()},Narnia\n", upload, "kind=Companies");
        Assert.Equal(1, run.Rejected);

        var response = await c.GetAsync($"/api/v1/imports/{run.Id}/rejected.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = string.Join("", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.All(raw, ch => Assert.InRange(ch, ' ', '~'));
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(name, disposition.FileNameStar);
        Assert.Equal(ascii, disposition.FileName!.Trim('"'));
        Assert.Contains("Narnia", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Exports_name_their_file_the_same_way()
    {
        var c = await app.ClientAsync(Roles.Sales);
        var response = await c.GetAsync("/api/v1/companies/export?q=" + Unique(), Ct);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.StartsWith("companies-", disposition.FileNameStar);
        Assert.Equal(disposition.FileNameStar, disposition.FileName!.Trim('"'));
    }
}
