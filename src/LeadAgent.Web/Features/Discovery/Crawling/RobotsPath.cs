using System.Text;

namespace LeadAgent.Web.Features.Discovery.Crawling;

/// <summary>
/// Paths as RFC 9309 (2.2.2) compares them: octets outside ASCII are percent-encoded (UTF-8), an encoded unreserved
/// character is decoded (<c>%62%61%7A</c> → <c>baz</c>), other escapes keep their encoding with upper-case hex; then
/// <c>*</c> in a rule matches any run of characters and a final <c>$</c> the end.
/// </summary>
public static class RobotsPath
{
    public static string Normalize(string path)
    {
        var result = new StringBuilder(path.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%' && i + 2 < path.Length && IsHex(path[i + 1]) && IsHex(path[i + 2]))
            {
                var octet = Convert.ToByte(path.Substring(i + 1, 2), 16);
                if (IsUnreserved((char)octet))
                {
                    result.Append((char)octet);
                }
                else
                {
                    result.Append('%').Append(char.ToUpperInvariant(path[i + 1]))
                        .Append(char.ToUpperInvariant(path[i + 2]));
                }
                i += 2;
            }
            else if (c == '%')
            {
                result.Append("%25");   // a '%' that starts no escape is a literal percent sign
            }
            else if (c is ' ' or '"' or '<' or '>' or '\\' or '^' or '`' or '{' or '|' or '}' || char.IsControl(c))
            {
                // What a URL never holds unescaped (Uri.PathAndQuery escapes it), so a rule with it matches too.
                result.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (c > 0x7F)
            {
                var length = char.IsSurrogatePair(path, i)
                    ? Encoding.UTF8.GetBytes(path.AsSpan(i, 2), utf8)
                    : Encoding.UTF8.GetBytes(path.AsSpan(i, 1), utf8);
                foreach (var b in utf8[..length])
                {
                    result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
                i += char.IsSurrogatePair(path, i) ? 1 : 0;
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    /// <summary>Whether a normalised rule pattern matches a normalised path from its start.</summary>
    public static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var p = anchored ? pattern[..^1] : pattern;
        // Greedy matching with backtracking to the last '*': linear for patterns without stars.
        int pi = 0, si = 0, star = -1, mark = 0;
        while (si < path.Length)
        {
            if (pi < p.Length && p[pi] == '*')
            {
                star = pi++;
                mark = si;
            }
            else if (pi < p.Length && p[pi] == path[si])
            {
                pi++;
                si++;
            }
            else if (pi == p.Length && !anchored)
            {
                return true;   // a prefix match is enough without '$'
            }
            else if (star >= 0)
            {
                pi = star + 1;
                si = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }
        return pi == p.Length;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
