using System.Diagnostics;

namespace LeadAgent.Tests.Deploy;

/// <summary>
/// The app as <c>dotnet publish</c> makes it: the folder named by <c>LEADAGENT_PUBLISHED_APP</c> (test.sh publishes
/// once), else published here into a temporary folder, once per test run.
/// </summary>
public static class PublishedApp
{
    public const string Variable = "LEADAGENT_PUBLISHED_APP";

    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    /// <summary>The published <c>LeadAgent.Web.dll</c>.</summary>
    public static async Task<string> ExecutableAsync()
    {
        var folder = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given
            ? given
            : await Published.Value;
        var app = Path.Combine(folder, "LeadAgent.Web.dll");
        Assert.True(File.Exists(app), $"{app} does not exist: is {folder} a published LeadAgent?");
        return app;
    }

    private static async Task<string> PublishAsync()
    {
        var output = Directory.CreateTempSubdirectory("leadagent-published-").FullName;
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "publish", Path.Combine(RepositoryRoot(), "src", "LeadAgent.Web"), "-c", "Release", "-o", output,
                     "-nologo", "-v", "q",
                 })
        {
            psi.ArgumentList.Add(arg);
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, "dotnet publish failed:\n" + await stdout + await stderr);
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeadAgent.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("LeadAgent.slnx not found above " + AppContext.BaseDirectory);
    }
}
