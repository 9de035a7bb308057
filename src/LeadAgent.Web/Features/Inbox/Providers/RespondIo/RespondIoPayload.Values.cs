using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LeadAgent.Web.Features.Inbox.Providers.RespondIo;

/// <summary>Single values of Respond.io JSON: ids, text and times, read the same way everywhere.</summary>
public static partial class RespondIoPayload
{
    /// <summary>A string or number property as text; null when absent, null or empty.</summary>
    public static string? Str(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return null;
        }
        var s = v.ValueKind switch
        {
            JsonValueKind.String => Text(v),
            // One canonical form, so the id 123 and the id "123" are the same key.
            JsonValueKind.Number => v.TryGetInt64(out var n)
                ? n.ToString(CultureInfo.InvariantCulture)
                : v.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : s;
    }

    /// <summary>
    /// A JSON string as text. A lone surrogate escape (<c>"\ud800"</c>) is valid JSON but no valid text, and would
    /// make every read of the body throw: it becomes U+FFFD, as an invalid UTF-8 byte would.
    /// </summary>
    public static string? Text(JsonElement v)
    {
        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException)
        {
            var repaired = Surrogates().Replace(v.GetRawText(),
                m => m.Value.Length == 12 || m.Value == @"\\" ? m.Value : @"\uFFFD");
            return JsonSerializer.Deserialize<string>(repaired);
        }
    }

    // An escaped backslash (kept, so "\\ud800" is not read as an escape), a valid surrogate pair (kept), or a lone
    // surrogate escape.
    [GeneratedRegex(@"\\\\|\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[dD][89a-fA-F][0-9a-fA-F]{2}")]
    private static partial Regex Surrogates();

    /// <summary>Unix time in seconds or milliseconds (a value below 1e11 is seconds), or an ISO date.</summary>
    public static DateTime? Time(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var n) && n > 0)
        {
            var ms = n < 1e11 ? n * 1000 : n;
            return ms < 253402300799000 ? DateTime.UnixEpoch.AddMilliseconds(ms) : null;
        }
        return v.ValueKind == JsonValueKind.String && DateTime.TryParse(Text(v), CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : null;
    }
}
