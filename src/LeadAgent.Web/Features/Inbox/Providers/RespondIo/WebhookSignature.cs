using System.Security.Cryptography;
using System.Text;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>
/// Respond.io's <c>X-Webhook-Signature</c>: Base64(HMAC-SHA256(key as UTF-8, raw body)). Each webhook has its own key;
/// a delivery is genuine when any configured key verifies it. Compared in constant time.
/// </summary>
public static class WebhookSignature
{
    public static string Sign(ReadOnlySpan<byte> body, string key) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, IEnumerable<string> keys)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }
        var presented = Encoding.ASCII.GetBytes(header.Trim());
        var valid = false;
        foreach (var key in keys.Where(k => !string.IsNullOrEmpty(k)))
        {
            // Every key is tried, so the time taken does not tell which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(body, key)), presented);
        }
        return valid;
    }
}
