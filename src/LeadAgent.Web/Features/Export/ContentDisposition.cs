using System.Text;

namespace LeadAgent.Web.Features.Export;

/// <summary>
/// The <c>Content-Disposition</c> of a download (RFC 6266): the name as given in <c>filename*</c> (RFC 5987, UTF-8,
/// percent-encoded) and an ASCII <c>filename</c> for old clients, with quotes, backslashes, percent signs, controls
/// and non-ASCII letters replaced. A header value is ASCII only, so any file name a user chose is safe to send.
/// </summary>
public static class ContentDisposition
{
    public static string Attachment(string fileName)
    {
        var fallback = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
        {
            fallback.Append(c is >= ' ' and <= '~' and not '"' and not '\\' and not '%' and not '/' ? c : '_');
        }
        var encoded = new StringBuilder(fileName.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(fileName))
        {
            if (IsAttrChar(b))
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return $"attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}";
    }

    // attr-char of RFC 5987: letters, digits and !#$&+-.^_`|~ stand for themselves.
    private static bool IsAttrChar(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'!' or (byte)'#' or (byte)'$' or (byte)'&' or (byte)'+' or (byte)'-' or (byte)'.' or (byte)'^'
            or (byte)'_' or (byte)'`' or (byte)'|' or (byte)'~';
}
