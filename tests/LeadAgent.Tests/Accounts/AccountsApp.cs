using LeadAgent.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LeadAgent.Tests.Accounts;

/// <summary>
/// The app on SQLite with a fake clock (sessions and sign-in pauses expire when a test moves it on) and Identity's
/// real password hasher wrapped to count how often a password is checked.
/// </summary>
public sealed class AccountsApp() : AppFactory(Provider.Sqlite)
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public PasswordChecks Checks { get; } = new();

    protected override void Configure(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddScoped<IPasswordHasher<AppUser>>(sp => new CountingHasher(
                new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>()), Checks));
        });

    public sealed class PasswordChecks
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingHasher(PasswordHasher<AppUser> inner, PasswordChecks checks) : IPasswordHasher<AppUser>
    {
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string password)
        {
            checks.Add();
            return inner.VerifyHashedPassword(user, hashedPassword, password);
        }
    }
}

/// <summary>Sign-in, sessions and passwords, on one app with a fake clock.</summary>
[CollectionDefinition(nameof(SqliteAccounts))]
public sealed class SqliteAccounts : ICollectionFixture<AccountsApp>;
