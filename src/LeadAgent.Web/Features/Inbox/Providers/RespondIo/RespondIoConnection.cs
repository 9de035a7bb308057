using LeadAgent.Web.Data;
using LeadAgent.Web.Features.Inbox.Settings;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>
/// The effective Respond.io connection: settings saved by an admin win over configuration (<c>RespondIo:…</c>).
/// </summary>
public sealed record RespondIoSettings(string BaseUrl, string? ApiToken, IReadOnlyList<string> WebhookSigningKeys,
    bool FromConfiguration)
{
    public bool CanCallApi => !string.IsNullOrWhiteSpace(ApiToken);

    /// <summary>"…a1b2": enough to recognise a secret, never enough to use it.</summary>
    public static string? Mask(string? secret) =>
        string.IsNullOrEmpty(secret) ? null : secret.Length <= 8 ? "••••" : "••••" + secret[^4..];
}

/// <summary>
/// Holds the current Respond.io settings in memory (webhooks check signatures on every request), loaded from the
/// database at start and after every save. Secrets are stored encrypted at rest.
/// </summary>
public sealed class RespondIoConnection(IOptionsMonitor<RespondIoOptions> options, IDataProtectionProvider protection,
    IServiceScopeFactory scopes)
{
    internal const string TokenName = "respondio.apiToken";
    internal const string KeysName = "respondio.webhookKeys";
    internal const string BaseUrlName = "respondio.baseUrl";

    private readonly IDataProtector _protector = protection.CreateProtector("LeadAgent.Integrations.v1");
    private Dictionary<string, string> _stored = [];

    public RespondIoSettings Current
    {
        get
        {
            var o = options.CurrentValue;
            var token = _stored.GetValueOrDefault(TokenName);
            var keys = _stored.GetValueOrDefault(KeysName)?.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var baseUrl = _stored.GetValueOrDefault(BaseUrlName);
            return new RespondIoSettings(baseUrl ?? o.BaseUrl, token ?? o.ApiToken,
                [.. o.WebhookSigningKeys.Where(k => !string.IsNullOrEmpty(k)), .. keys ?? []], token is null
                    && keys is null);
        }
    }

    public async Task ReloadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>()
            .CreateDbContextAsync(ct);
        var rows = await db.StoredSettings.Where(s => s.Name.StartsWith("respondio.")).ToListAsync(ct);
        var stored = new Dictionary<string, string>();
        foreach (var row in rows)
        {
            try
            {
                stored[row.Name] = row.Name == BaseUrlName ? row.Value : _protector.Unprotect(row.Value);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // Keys lost (new machine without the key ring): the secret must be entered again.
            }
        }
        _stored = stored;
    }

    /// <summary>Saves what is given (null leaves a value as it is, "" clears it) and reloads.</summary>
    public async Task SaveAsync(string? baseUrl, string? apiToken, IReadOnlyList<string>? webhookKeys, string by,
        TimeProvider time, CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>()
                .CreateDbContextAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            Task Put(string name, string? value, bool secret) => db.PutSettingAsync(name,
                secret && value is { Length: > 0 } ? _protector.Protect(value) : value, now, by, ct);
            await Put(BaseUrlName, baseUrl, false);
            await Put(TokenName, apiToken, true);
            var keys = webhookKeys?.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim());
            await Put(KeysName, keys is null ? null : string.Join('\n', keys), true);
            await db.SaveChangesAsync(ct);
        }
        await ReloadAsync(ct);
    }
}
