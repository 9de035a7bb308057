using LeadAgent.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Infrastructure.Hosting;

/// <summary>
/// Where the Data Protection key ring (login cookies, antiforgery tokens, secrets saved in the app) is kept: a
/// configured folder (e.g. shared by several nodes), else <c>DataDirectory/keys</c> on SQLite (one node) and the
/// database on PostgreSQL, so every node on the database shares it.
/// </summary>
public static class KeyRingSetup
{
    public const string KeysDirectoryKey = "DataProtection:KeysDirectory";

    /// <summary>The folder of the key ring, or null when it lives in the database.</summary>
    public static string? KeysDirectory(IConfiguration configuration)
    {
        if (configuration[KeysDirectoryKey] is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }
        var provider = configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        return provider == DatabaseProvider.Postgres
            ? null
            : Path.Combine(Path.GetFullPath(configuration["DataDirectory"] ?? "data"), "keys");
    }

    public static IHostApplicationBuilder AddKeyRing(this IHostApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("LeadAgent");
        if (KeysDirectory(builder.Configuration) is { } folder)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }
        else
        {
            builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
                new ConfigureOptions<KeyManagementOptions>(o =>
                    o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        }
        return builder;
    }
}
