using System.Security.Cryptography;
using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Settings;
using LeadAgent.Web.Infrastructure.Api;
using LeadAgent.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace LeadAgent.Web.Features.Discovery.Search;

/// <summary>A provider as admins see it: its address and whether a key is set (the key itself never leaves).</summary>
public sealed record ProviderView(string Name, string? BaseUrl, bool KeySet, string? Cx, bool SavedInApp);

/// <summary>What an admin saves for a provider; an empty key removes the saved one, an omitted one keeps it.</summary>
public sealed record ProviderInput(string? BaseUrl, string? ApiKey, string? Cx);

/// <summary>
/// Provider addresses and keys admins save in the app, in the app's store of saved settings (the one the Respond.io
/// connection uses): keys encrypted with Data Protection, so every node sharing the key ring reads them. Saved values
/// win over the configuration.
/// </summary>
public sealed class ProviderSettings(IDbContextFactory<AppDbContext> dbFactory, IDataProtectionProvider protection,
    TimeProvider time)
{
    private const string Prefix = "discovery.";
    private readonly IDataProtector _protector = protection.CreateProtector("LeadAgent.Integrations.v1");

    /// <summary>The saved values by provider: (base URL, key, cx); a key that no longer decrypts is left out.</summary>
    public async Task<Dictionary<string, ProviderEndpoint>> SavedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.StoredSettings.AsNoTracking().Where(s => s.Name.StartsWith(Prefix)).ToListAsync(ct);
        var saved = new Dictionary<string, ProviderEndpoint>();
        foreach (var row in rows)
        {
            var parts = row.Name[Prefix.Length..].Split('.');
            if (parts.Length != 2)
            {
                continue;
            }
            var endpoint = saved.TryGetValue(parts[0], out var e) ? e : saved[parts[0]] = new ProviderEndpoint();
            switch (parts[1])
            {
                case "baseUrl":
                    endpoint.BaseUrl = row.Value;
                    break;
                case "cx":
                    endpoint.Cx = row.Value;
                    break;
                case "apiKey":
                    try
                    {
                        endpoint.ApiKey = _protector.Unprotect(row.Value);
                    }
                    catch (CryptographicException)
                    {
                        // The key ring changed: the key must be entered again.
                    }
                    break;
            }
        }
        return saved;
    }

    public async Task SaveAsync(string provider, ProviderInput input, CancellationToken ct)
    {
        var name = provider.Trim().ToLowerInvariant();
        if (!SearchProviders.Names.Contains(name))
        {
            throw new NotFoundException("Search provider", provider);
        }
        var errors = new Errors();
        var baseUrl = errors.Optional("baseUrl", input.BaseUrl, 500);
        if (baseUrl is not null && (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")))
        {
            errors.Add("baseUrl", "Must be an http(s) address.");
        }
        errors.Optional("apiKey", input.ApiKey, 500);
        var cx = errors.Optional("cx", input.Cx, 200);
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.RequireAdminAsync();
        var (now, by) = (time.GetUtcNow().UtcDateTime, (await db.GetActorAsync()).Name);
        await db.PutSettingAsync($"{Prefix}{name}.baseUrl", input.BaseUrl is null ? null : baseUrl ?? "", now, by, ct);
        await db.PutSettingAsync($"{Prefix}{name}.cx", input.Cx is null ? null : cx ?? "", now, by, ct);
        await db.PutSettingAsync($"{Prefix}{name}.apiKey", input.ApiKey is null ? null
            : input.ApiKey.Trim().Length == 0 ? "" : _protector.Protect(input.ApiKey.Trim()), now, by, ct);
        await db.SaveChangesAsync(ct);
    }
}
