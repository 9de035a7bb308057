using System.Globalization;
using System.Text;

namespace LeadAgent.Market;

/// <summary>A fixed-line number: calling code, area code (without the trunk 0) and subscriber number.</summary>
internal sealed record PhoneNumber(string Country, string Code, string Area, string Subscriber)
{
    // Italy keeps the 0 in the area code; NANP numbers are dialled without a trunk prefix.
    private string Trunk => Country is "IT" or "US" ? "" : "0";

    public string E164 => $"+{Code}{Area}{Subscriber}";

    /// <summary>The href of a tel: link.</summary>
    public string Tel => $"tel:{E164}";

    /// <summary>The number as a site might print it: international or local, grouped or not.</summary>
    public string Display(int variant)
    {
        var sub = variant % 2 == 1 && Subscriber.Length > 5
            ? $"{Subscriber[..(Subscriber.Length / 2)]} {Subscriber[(Subscriber.Length / 2)..]}" : Subscriber;
        if (Country == "US")
        {
            return variant % 3 == 0 ? $"+1 {Area} {Subscriber[..3]} {Subscriber[3..]}"
                : $"({Area}) {Subscriber[..3]}-{Subscriber[3..]}";
        }
        return (variant % 7) switch
        {
            0 or 1 => $"+{Code} {Area} {sub}",
            2 when Trunk.Length > 0 => $"+{Code} (0){Area} {sub}",
            3 => $"{Trunk}{Area} {sub}",
            4 => $"({Trunk}{Area}) {sub}",
            5 => $"00{Code} {Area} {sub}",
            6 when Country is "DE" or "AT" => $"{Trunk}{Area} / {sub}",
            _ => $"{Trunk}{Area} {sub}",
        };
    }

    private static readonly Dictionary<string, char[]> GbFirstDigits = new()
    {
        ["20"] = ['3', '7', '8'],
        ["113"] = ['2', '3', '4', '5'],
        ["117"] = ['2', '3', '4', '9'],
        ["121"] = ['2', '3', '4', '5', '6', '7'],
        ["131"] = ['2', '3', '4', '5', '6', '7'],
        ["161"] = ['2', '3', '4', '5', '6', '7', '8'],
    };

    public static PhoneNumber New(Random r, City city)
    {
        var length = city.Country switch
        {
            "DE" => city.Area.Length == 2 ? 8 : 7,
            "AT" => city.Area.Length == 1 ? 7 : 6,
            "GB" => city.Area.Length == 2 ? 8 : 7,
            "FR" => 8,
            "IT" => 8,
            _ => 7,
        };
        // UK areas have allocated number blocks (libphonenumber rejects the rest); elsewhere a first digit of
        // 2 to 8 keeps the number valid.
        var first = city.Country switch
        {
            "GB" => r.Pick(GbFirstDigits[city.Area]),
            "US" => (char)('2' + r.Next(3)),
            _ => (char)('2' + r.Next(7)),
        };
        return new PhoneNumber(city.Country, Places.CallingCode(city.Country), city.Area,
            first + VatIds.Digits(r, length - 1));
    }

    /// <summary>The same line with another extension: a fax number beside the phone (an extraction trap).</summary>
    public PhoneNumber Fax() => this with
    {
        Subscriber = Subscriber[..^1] + (char)('0' + (Subscriber[^1] - '0' + 9) % 10),
    };
}

/// <summary>How an e-mail address is shown on a contact page, from a plain link to Cloudflare's obfuscation.</summary>
internal static class Emails
{
    public const int Styles = 7;

    public static string Html(string email, int style)
    {
        var (local, domain) = (email[..email.IndexOf('@')], email[(email.IndexOf('@') + 1)..]);
        return (style % Styles) switch
        {
            0 => $"<a href=\"mailto:{email}\">{email}</a>",
            1 => email,
            2 => $"{local} [at] {domain.Replace(".", " [dot] ", StringComparison.Ordinal)}",
            3 => $"{local}(at){domain}",
            4 => Cloudflare(email, (byte)(0x21 + Math.Abs(email.Length * 37 % 200))),
            5 => $"<a href=\"mailto:{email}?subject=Website%20enquiry\">{local}&#64;{domain}</a>",
            _ => $"<a href=\"mailto:{Uri.EscapeDataString(local)}%40{domain}\">{local}&#x40;{domain}</a>",
        };
    }

    /// <summary>Cloudflare's e-mail protection: a key byte, then every UTF-8 byte XORed with it, in hex.</summary>
    public static string Cloudflare(string email, byte key)
    {
        var hex = new StringBuilder(key.ToString("x2", CultureInfo.InvariantCulture));
        foreach (var b in Encoding.UTF8.GetBytes(email))
        {
            hex.Append(((byte)(b ^ key)).ToString("x2", CultureInfo.InvariantCulture));
        }
        return $"<a href=\"/cdn-cgi/l/email-protection#{hex}\"><span class=\"__cf_email__\" "
            + $"data-cfemail=\"{hex}\">[email&#160;protected]</span></a>";
    }
}
