using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LeadAgent.Web.Features.Crm.Normalization;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// E-mail addresses from mailto links, Cloudflare's e-mail protection and visible text (including the "[at]", "(at)",
/// "(dot)" spellings, and "info at firma dot de" after a mail or contact label). Each is validated by
/// <see cref="EmailAddresses"/> and dropped when it looks like a file name (logo@2x.png), an error-tracker DSN, a
/// placeholder domain or a JSON-escape leftover.
/// </summary>
internal static partial class EmailFinder
{
    private const int MaxAtSigns = 400;

    private static readonly SearchValues<char> LocalChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-!#$&'*/=?^`{|}~");

    private static readonly FrozenSet<string> FileExtensions = FrozenSet.ToFrozenSet(
        ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "css", "js", "ico", "bmp", "tif", "tiff", "mp4", "pdf",
            "woff", "woff2", "ttf", "eot", "php", "html", "htm", "json", "xml", "map"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> PlaceholderDomains = FrozenSet.ToFrozenSet(
        ["example.com", "example.org", "example.net", "example.de", "domain.com", "domain.de", "yourdomain.com",
            "ihredomain.de", "email.com", "sentry.io", "wixpress.com", "sentry-next.wixpress.com"],
        StringComparer.Ordinal);

    [GeneratedRegex(@"[\[\(\{<]\s{0,3}(?:at|ät|@|dot|punkt|\.)\s{0,3}[\]\)\}>]", RegexOptions.IgnoreCase, 200)]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"\b([A-Za-z0-9._%+-]{1,64}) (?:at|AT) "
        + @"([A-Za-z0-9-]{1,63}(?: (?:dot|DOT|punkt) [A-Za-z0-9-]{1,63}){1,4})\b",
        RegexOptions.None, 200)]
    private static partial Regex SpelledOut();

    public static void FromMailto(string href, FactSink sink)
    {
        var rest = href.AsSpan("mailto:".Length);
        var query = rest.IndexOf('?');
        var list = Uri.UnescapeDataString((query >= 0 ? rest[..query] : rest).ToString());
        foreach (var part in list.Split([',', ';'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            sink.Add(FactFields.Email, Clean(part), "mailto");
        }
    }

    /// <summary>Cloudflare's <c>data-cfemail</c> hex: the first byte is an XOR key for the rest (UTF-8).</summary>
    public static string? DecodeCloudflare(string hex)
    {
        hex = hex.Trim();
        if (hex.Length is < 4 or > 512 || hex.Length % 2 != 0)
        {
            return null;
        }
        var bytes = new byte[hex.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            if (!byte.TryParse(hex.AsSpan(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                return null;
            }
            bytes[i] = b;
        }
        for (var i = 1; i < bytes.Length; i++)
        {
            bytes[i] ^= bytes[0];
        }
        return Encoding.UTF8.GetString(bytes, 1, bytes.Length - 1);
    }

    public static void FromCloudflare(string hex, FactSink sink) =>
        sink.Add(FactFields.Email, Clean(DecodeCloudflare(hex)), "cloudflare");

    /// <summary>Addresses in visible text, spelled normally or obfuscated.</summary>
    public static void FromText(string text, FactSink sink)
    {
        if (text.Contains("at", StringComparison.OrdinalIgnoreCase) && Bracketed().IsMatch(text))
        {
            text = Unbracket(text);
        }
        ScanAtSigns(text, sink, "text");
        if (text.Contains(" dot ", StringComparison.OrdinalIgnoreCase)
            || text.Contains(" punkt ", StringComparison.Ordinal))
        {
            foreach (Match m in SpelledOut().Matches(text))
            {
                // "wir at home dot com" is English, not an address: the spelled form needs a mail label before it.
                var before = text.AsSpan(Math.Max(0, m.Index - 40), Math.Min(m.Index, 40));
                if (!before.Contains("mail", StringComparison.OrdinalIgnoreCase)
                    && !before.Contains("contact", StringComparison.OrdinalIgnoreCase)
                    && !before.Contains("kontakt", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var domain = m.Groups[2].Value.Replace(" dot ", ".", StringComparison.OrdinalIgnoreCase)
                    .Replace(" punkt ", ".", StringComparison.Ordinal);
                sink.Add(FactFields.Email, Clean(m.Groups[1].Value + "@" + domain), "text");
            }
        }
    }

    /// <summary>"info [at] firma (dot) de" → "info@firma.de": the marker and the spaces around it go.</summary>
    private static string Unbracket(string text)
    {
        var sb = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match m in Bracketed().Matches(text))
        {
            var before = text.AsSpan(last, m.Index - last);
            sb.Append(before.TrimEnd(' '));
            var inner = m.ValueSpan[1..^1].Trim();
            sb.Append(inner is "." || inner.StartsWith("d", StringComparison.OrdinalIgnoreCase)
                || inner.StartsWith("p", StringComparison.OrdinalIgnoreCase) ? '.' : '@');
            last = m.Index + m.Length;
            while (last < text.Length && text[last] == ' ')
            {
                last++;
            }
        }
        sb.Append(text.AsSpan(last));
        return sb.ToString();
    }

    private static void ScanAtSigns(string text, FactSink sink, string method)
    {
        var at = -1;
        for (var n = 0; n < MaxAtSigns && (at = text.IndexOf('@', at + 1)) >= 0; n++)
        {
            var start = at;
            while (start > 0 && at - start < 64 && LocalChars.Contains(text[start - 1]))
            {
                start--;
            }
            var end = at + 1;
            while (end < text.Length && end - at < 254 && (char.IsAsciiLetterOrDigit(text[end])
                || text[end] is '.' or '-' || (text[end] > 127 && char.IsLetterOrDigit(text[end]))))
            {
                end++;
            }
            var local = text.AsSpan(start, at - start).TrimStart('.');
            var domain = text.AsSpan(at + 1, end - at - 1).TrimEnd('.').TrimEnd('-');
            if (!local.IsEmpty && domain.Contains('.'))
            {
                sink.Add(FactFields.Email, Clean(string.Concat(local, "@", domain)), method);
            }
        }
    }

    /// <summary>A valid, lower-case address, or null for anything invalid or suspicious.</summary>
    public static string? Clean(string? candidate)
    {
        if (candidate is null || EmailAddresses.Normalize(candidate).Value is not { } address)
        {
            return null;
        }
        var at = address.LastIndexOf('@');
        var local = address.AsSpan(0, at);
        var domain = address[(at + 1)..];
        var tld = domain[(domain.LastIndexOf('.') + 1)..];
        if (FileExtensions.Contains(tld) || PlaceholderDomains.Contains(domain)
            || domain.Contains("sentry", StringComparison.Ordinal)
            || (DomainName.Registrable(domain) is { } reg && PlaceholderDomains.Contains(reg)))
        {
            return null;
        }
        if (local.StartsWith("u003") || local.StartsWith("u002") || local.StartsWith("x22") || LooksHashed(local))
        {
            return null;
        }
        return address;
    }

    /// <summary>A long hex run with letters and digits: a tracking id or DSN key, not a mailbox.</summary>
    private static bool LooksHashed(ReadOnlySpan<char> local)
    {
        var run = 0;
        var best = 0;
        foreach (var c in local)
        {
            run = char.IsAsciiHexDigit(c) ? run + 1 : 0;
            best = Math.Max(best, run);
        }
        return best >= 16 && local.ContainsAnyInRange('0', '9') && local.ContainsAnyInRange('a', 'f');
    }
}
