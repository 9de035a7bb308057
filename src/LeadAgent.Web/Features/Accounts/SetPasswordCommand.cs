using System.Security.Cryptography;
using LeadAgent.Web.Data;
using LeadAgent.Web.Infrastructure.Api;
using Microsoft.AspNetCore.Identity;

namespace LeadAgent.Web.Features.Accounts;

/// <summary>
/// <c>users set-password EMAIL</c>: sets the password read from the first line of standard input, or, when that is
/// empty (or <c>--generate</c> is given), a generated one that is printed once. The way back in when the one-time
/// admin password is lost.
/// </summary>
public static class SetPasswordCommand
{
    public const string Usage = "usage: users set-password EMAIL [--generate]   "
        + "(password from the first line of standard input; empty: a generated one is printed)";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, Cli.Terminal terminal)
    {
        var (input, output, error) = (terminal.In, terminal.Out, terminal.Error);
        var email = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (email is null || args.Any(a => a.StartsWith("--", StringComparison.Ordinal) && a != "--generate"))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var password = args.Contains("--generate") ? null : (await input.ReadLineAsync())?.TrimEnd('\r', '\n');
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = Generate();
        }
        await DatabaseSetup.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>()
            .FindByEmailAsync(email.Trim().ToLowerInvariant())
            ?? throw new NotFoundException("User", email);
        await scope.ServiceProvider.GetRequiredService<UserService>()
            .SetPasswordAsync(user.Id, new PasswordReset(password));
        await output.WriteLineAsync(generated
            ? $"New password for {user.Email}: {password}   (shown only now)"
            : $"Password set for {user.Email}.");
        return 0;
    }

    /// <summary>20 random characters from letters and digits (about 119 bits).</summary>
    public static string Generate() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
}
