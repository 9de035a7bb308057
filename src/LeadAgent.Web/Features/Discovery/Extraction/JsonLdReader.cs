using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LeadAgent.Web.Features.Discovery.Extraction;

/// <summary>
/// Reads the body of a <c>application/ld+json</c> script as leniently as extruct does: HTML comment and CDATA
/// wrappers and <c>//</c> comment lines go; HTML-escaped bodies are unescaped; raw control characters in strings are
/// tolerated; trailing commas and comments are skipped; JavaScript escapes (<c>\'</c>, <c>\xNN</c>, stray
/// backslashes) are repaired on a second try; and every complete value the text starts with is kept, so trailing
/// junk or several concatenated objects do no harm.
/// </summary>
internal static partial class JsonLdReader
{
    private const int MaxBytes = 1_000_000, MaxValues = 20;

    [GeneratedRegex(@"\\x([0-9A-Fa-f]{2})|\\'|\\(?![""\\/bfnrtu])", RegexOptions.None, 200)]
    private static partial Regex JsEscapes();

    public static List<JsonElement> Parse(string script)
    {
        var text = Unwrap(script);
        if (text.Length == 0)
        {
            return [];
        }
        var values = ReadValues(text);
        if (values.Count == 0 && text.Contains('\\', StringComparison.Ordinal))
        {
            var repaired = JsEscapes().Replace(text, m => m.Value switch
            {
                "\\'" => "'",
                ['\\', 'x', ..] => "\\u00" + m.Groups[1].Value,
                _ => "\\\\",
            });
            values = ReadValues(repaired);
        }
        return values;
    }

    private static string Unwrap(string script)
    {
        var text = script.Trim();
        if (text.Contains("&quot;", StringComparison.Ordinal) || text.StartsWith("&lt;", StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }
        text = text.Replace("<![CDATA[", "", StringComparison.Ordinal).Replace("]]>", "", StringComparison.Ordinal)
            .Replace("<!--", "", StringComparison.Ordinal).Replace("-->", "", StringComparison.Ordinal).Trim();
        // Comment lines before the value; comments inside it are skipped by the reader.
        while (text.StartsWith("//", StringComparison.Ordinal))
        {
            var eol = text.IndexOf('\n');
            text = eol < 0 ? "" : text[(eol + 1)..].TrimStart();
        }
        var start = text.IndexOfAny(['{', '[']);
        return start < 0 ? "" : text[start..];
    }

    private static List<JsonElement> ReadValues(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Length > MaxBytes ? text[..MaxBytes] : text);
        // Raw control characters are legal nowhere in JSON but common inside hand-written strings.
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] < 0x20)
            {
                bytes[i] = (byte)' ';
            }
        }
        var values = new List<JsonElement>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            AllowMultipleValues = true,
            MaxDepth = 64,
        });
        try
        {
            while (values.Count < MaxValues && reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
                {
                    break;
                }
                using var document = JsonDocument.ParseValue(ref reader);
                values.Add(document.RootElement.Clone());
            }
        }
        catch (JsonException)
        {
            // Junk after the last complete value: keep what was read.
        }
        return values;
    }
}
