using System.Text.Json;

namespace LeadAgent.Tests.Telemetry;

/// <summary>With the JSON console formatter the real executable writes each log entry as one JSON object.</summary>
public sealed class JsonLogTests : IDisposable
{
    private readonly string _dataDir =
        Path.Combine(Path.GetTempPath(), "leadagent-log-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Logs_are_one_json_object_per_line_when_asked()
    {
        var env = new Dictionary<string, string>
        {
            ["DataDirectory"] = _dataDir,
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__LeadAgent"] = "",
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore.Migrations"] = "Information",
        };
        var (code, output, error) = await AppProcess.RunVerbAsync(env, null, "migrate");
        Assert.True(code == 0, error + output);

        var logs = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Contains(logs, l => l.GetProperty("Category").GetString() == "Microsoft.EntityFrameworkCore.Migrations"
            && l.GetProperty("LogLevel").GetString() == "Information" && l.TryGetProperty("Message", out _));
        Assert.DoesNotContain(output.Split('\n'), line => line.StartsWith("info:", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
