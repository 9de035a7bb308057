using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Tests.App;

/// <summary>The real executable runs a CLI verb end to end: arguments, standard input, output, exit code.</summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly string _dataDir =
        Path.Combine(Path.GetTempPath(), "leadagent-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_executable_adds_a_user_to_a_fresh_database_with_the_password_from_standard_input()
    {
        var env = new Dictionary<string, string>
        {
            ["DataDirectory"] = _dataDir,
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__LeadAgent"] = "",
        };
        var add = await AppProcess.RunVerbAsync(env, "a-long-password-1",
            "users", "add", "--email", "Sam@Example.com", "--role", "sales", "--name", "Sam", "--password-stdin");
        Assert.True(add.Code == 0, add.Err + add.Out);
        Assert.Contains("Created sales sam@example.com", add.Out);

        await using var db = AppProcess.Open(Provider.Sqlite,
            $"Data Source={Path.Combine(_dataDir, "leadagent.db")};Pooling=False");
        var user = await db.Users.SingleAsync(Ct);
        Assert.Equal(("sam@example.com", "Sam"), (user.Email, user.DisplayName));
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
