using System.Globalization;
using System.Text;

namespace LeadAgent.Web.Features.Crm.Normalization;

/// <summary>
/// What the CRM accepts as an e-mail address: an ordinary dot-atom address at a real domain name, nothing dubious.
/// <list type="bullet">
/// <item>Surrounding white space is trimmed; the address is lower-cased and its domain kept in A-label (punycode)
/// form, so "Anna@München.DE" is stored and compared as "anna@xn--mnchen-3ya.de".</item>
/// <item>Local part: 1–64 octets of letters, digits and <c>!#$%&amp;'*+/=?^_`{|}~-</c>, with dots only between them
/// (no leading, trailing or double dot). Non-ASCII letters and digits are accepted (RFC 6531 addresses); control,
/// format (zero-width) and white-space characters are not.</item>
/// <item>Domain: a host name of letter-digit-hyphen labels of 1–63 characters, no label starting or ending with a
/// hyphen, a top-level label that is not all digits, and a registrable domain by the Public Suffix List (so not
/// "localhost", "com" or "co.uk").</item>
/// <item>At most 254 characters in all.</item>
/// <item>Refused although RFC 5321/5322 allow them: quoted local parts ("a b"@x), comments and folding white space,
/// address literals (a@[192.0.2.1]) and single-label domains. They are legal but rare in business mail, and most
/// often typing or parsing mistakes.</item>
/// </list>
/// </summary>
public static class EmailAddresses
{
    public const int LocalMax = 64, AddressMax = 254;

    private const string Invalid = "Is not a valid e-mail address";
    private const string Specials = "!#$%&'*+/=?^_`{|}~-";

    public static (string? Value, string? Error) Normalize(string? input)
    {
        var text = input.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return (null, "Required.");
        }
        var at = text.LastIndexOf('@');
        if (at < 0)
        {
            return (null, $"{Invalid}: it has no @.");
        }
        var local = text[..at];
        var domain = text[(at + 1)..];
        if (LocalError(local) is { } localError)
        {
            return (null, $"{Invalid}: {localError}");
        }
        if (domain.StartsWith('['))
        {
            return (null, $"{Invalid}: use a domain name, not an address such as [192.0.2.1].");
        }
        if (DomainError(domain, out var ascii) is { } domainError)
        {
            return (null, $"{Invalid}: {domainError}");
        }
        var address = string.Concat(local.ToString().ToLowerInvariant(), "@", ascii);
        return address.Length > AddressMax
            ? (null, $"{Invalid}: it is longer than {AddressMax} characters.")
            : (address, null);
    }

    private static string? LocalError(ReadOnlySpan<char> local)
    {
        if (local.IsEmpty)
        {
            return "nothing before the @.";
        }
        if (Encoding.UTF8.GetByteCount(local) > LocalMax)
        {
            return $"the part before the @ is longer than {LocalMax} characters.";
        }
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return "a dot at the start or end of the name, or two dots in a row.";
        }
        foreach (var c in local)
        {
            if (c != '.' && !IsAtext(c))
            {
                return char.IsControl(c) || char.IsWhiteSpace(c)
                    || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format
                    ? "it contains a space, control or invisible character."
                    : $"the character '{c}' is not allowed before the @.";
            }
        }
        return null;
    }

    private static bool IsAtext(char c)
    {
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetterOrDigit(c) || Specials.Contains(c, StringComparison.Ordinal);
        }
        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter
            or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark;
    }

    private static string? DomainError(ReadOnlySpan<char> domain, out string ascii)
    {
        ascii = "";
        if (domain.IsEmpty)
        {
            return "nothing after the @.";
        }
        foreach (var c in domain)
        {
            // Checked before IDNA mapping, which would silently drop zero-width characters.
            if (char.IsControl(c) || char.IsWhiteSpace(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return "the domain contains a space, control or invisible character.";
            }
        }
        if (domain[^1] == '.')
        {
            return "the domain ends with a dot.";
        }
        if (DomainName.AsciiHost(domain.ToString()) is not { } host)
        {
            return "the domain is not a valid name (empty or over-long parts).";
        }
        ascii = host;
        if (DomainName.HostNameError(host) is { } error)
        {
            return error;
        }
        return DomainName.Registrable(host) is null ? "the domain is not a registrable domain name." : null;
    }
}
