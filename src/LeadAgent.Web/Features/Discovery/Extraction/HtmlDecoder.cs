using System.Text;
using System.Text.Unicode;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// Page bytes → text, choosing the charset as browsers do: a byte-order mark, then the Content-Type charset, then a
/// <c>&lt;meta charset&gt;</c> in the first 2 KB, then UTF-8 if the bytes are valid UTF-8, else windows-1252.
/// ISO-8859-1 and US-ASCII labels mean windows-1252 (WHATWG Encoding).
/// </summary>
internal static class HtmlDecoder
{
    private const int PrescanBytes = 2048;

    public static string Decode(byte[] body, string? contentType)
    {
        if (body.Length == 0)
        {
            return "";
        }
        var (encoding, skip) = FromBom(body);
        encoding ??= Lookup(CharsetParameter(contentType)) ?? Lookup(MetaCharset(body)) ?? Guess(body);
        // A page declaring UTF-16 without a BOM is almost always mislabelled UTF-8 (WHATWG says to use UTF-8).
        if (skip == 0 && encoding is UnicodeEncoding)
        {
            encoding = Guess(body);
        }
        return encoding.GetString(body, skip, body.Length - skip);
    }

    private static (Encoding? Encoding, int Skip) FromBom(byte[] b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        _ => (null, 0),
    };

    private static string? CharsetParameter(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }
        var at = contentType.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }
        var value = contentType.AsSpan(at + "charset".Length).TrimStart();
        if (value.IsEmpty || value[0] != '=')
        {
            return null;
        }
        value = value[1..].Trim().Trim('"').Trim('\'');
        var end = value.IndexOfAny(';', ' ', ',');
        return (end >= 0 ? value[..end] : value).ToString();
    }

    /// <summary>The charset of a <c>&lt;meta charset=…&gt;</c> or http-equiv Content-Type in the first bytes.</summary>
    private static string? MetaCharset(byte[] body)
    {
        var head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, PrescanBytes));
        var from = 0;
        while ((from = head.IndexOf("<meta", from, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = head.IndexOf('>', from);
            if (end < 0)
            {
                return null;
            }
            if (CharsetParameter(head[from..end]) is { Length: > 0 } charset)
            {
                return charset;
            }
            from = end;
        }
        return null;
    }

    private static Encoding? Lookup(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }
        var name = label.Trim().ToLowerInvariant();
        if (name is "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso8859-1" or "cp1252")
        {
            name = "windows-1252";
        }
        if (name is "utf-8" or "utf8" or "unicode-1-1-utf-8")
        {
            return new UTF8Encoding(false);
        }
        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;   // unknown, or known but disabled (UTF-7)
        }
    }

    private static Encoding Guess(byte[] body) =>
        Utf8.IsValid(body) ? new UTF8Encoding(false) : CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
}
