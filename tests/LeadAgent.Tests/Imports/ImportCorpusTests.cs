using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Infrastructure.Auth;

namespace LeadAgent.Tests.Imports;

/// <summary>
/// The messy-file corpus, each file with its expected per-row outcomes (own database: outcomes depend on what exists).
/// </summary>
public abstract class ImportCorpusTests(AppFactory app)
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Imports");

    public static TheoryData<string> Corpus() =>
        new(Directory.GetFiles(Dir, "*.expected").Select(Path.GetFileNameWithoutExtension).OrderBy(n => n)!);

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Messy_files_import_with_the_expected_outcome_per_row_and_again_change_nothing(string name)
    {
        var file = Directory.GetFiles(Dir, name + ".*").Single(f => !f.EndsWith(".expected"));
        var expectedLines = await File.ReadAllLinesAsync(Path.Combine(Dir, name + ".expected"), Ct);
        var settings = expectedLines[0].TrimStart('#', ' ').Split(' ').Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => p[1]);
        var expected = expectedLines.Where(l => !l.StartsWith('#') && l.Trim().Length > 0)
            .Select(l => l.Split('\t')).ToList();
        var query = $"kind={settings["kind"]}"
            + (settings.TryGetValue("defaultCountry", out var country) ? $"&defaultCountry={country}" : "");
        var c = await app.ClientAsync(Roles.Sales);

        var run = await c.ImportAsync(await File.ReadAllBytesAsync(file, Ct), Path.GetFileName(file), query);
        Assert.Equal(ImportStatus.Completed, run.Status);
        Assert.Equal(expected.Count, run.TotalRows);
        Assert.Equal(expected.Count, run.RowsDone);
        var issues = await (await c.GetAsync($"/api/v1/imports/{run.Id}/issues", Ct))
            .ReadAsync<List<ImportRowIssueDto>>();
        foreach (var e in expected)
        {
            var row = int.Parse(e[0]);
            var outcome = Enum.Parse<RowOutcome>(e[1]);
            var issue = issues.SingleOrDefault(i => i.RowNumber == row);
            if (outcome is RowOutcome.Rejected or RowOutcome.Skipped)
            {
                Assert.True(issue is not null, $"{name} row {row}: expected {outcome}, got no issue");
                Assert.Equal(outcome, issue.Outcome);
                Assert.Contains(e[2], issue.Message);
            }
            else
            {
                Assert.True(issue is null,
                    $"{name} row {row}: expected {outcome}, got {issue?.Outcome}: {issue?.Message}");
            }
        }
        Assert.Equal(expected.Count(e => e[1] == "Created"), run.Created);
        Assert.Equal(expected.Count(e => e[1] == "Updated"), run.Updated);
        Assert.Equal(expected.Count(e => e[1] == "Unchanged"), run.Unchanged);
        Assert.Equal(expected.Count(e => e[1] == "Rejected"), run.Rejected);

        // The same file again: nothing new, nothing changed, the same rows rejected.
        var again = await c.ImportAsync(await File.ReadAllBytesAsync(file, Ct), Path.GetFileName(file), query);
        Assert.Equal(0, again.Created);
        Assert.Equal(expected.Count(e => e[1] == "Rejected"), again.Rejected);
        Assert.Equal(0, again.Updated);
        Assert.Equal(expected.Count - again.Rejected, again.Unchanged);
    }
}

public sealed class ImportCorpusSqliteTests(SqliteApp app) : ImportCorpusTests(app), IClassFixture<SqliteApp>;

public sealed class ImportCorpusPostgresTests(PostgresApp app) : ImportCorpusTests(app), IClassFixture<PostgresApp>;
