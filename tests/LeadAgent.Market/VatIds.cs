namespace LeadAgent.Market;

/// <summary>
/// VAT identifiers with the check digits the real schemes use, so an extractor that validates them keeps them: DE
/// (ISO 7064 MOD 11,10), AT (the ATU Luhn variant), GB (HMRC's mod 97 and 9755), CH (UID mod 11), NL (mod 11);
/// a UAE TRN has no public check digit and is 15 digits starting 100.
/// </summary>
public static class VatIds
{
    /// <summary>A normalised VAT id for the country, or null where the market has none (US, FR, ...).</summary>
    public static string? Generate(Random r, string country)
    {
        while (true)
        {
            var id = country switch
            {
                "DE" => De(r),
                "AT" => At(r),
                "GB" => Gb(r),
                "CH" => Ch(r),
                "NL" => Nl(r),
                "AE" => "100" + Digits(r, 7) + "00003",
                _ => "",
            };
            if (id.Length == 0)
            {
                return null;
            }
            if (id != "-")
            {
                return id;
            }
        }
    }

    /// <summary>Whether a normalised id carries a valid check digit (a TRN: 15 digits).</summary>
    public static bool IsValid(string id) => id switch
    {
        _ when id.StartsWith("DE", StringComparison.Ordinal) && id.Length == 11 =>
            DeCheck(id[2..10]) == id[10] - '0',
        _ when id.StartsWith("ATU", StringComparison.Ordinal) && id.Length == 11 =>
            AtCheck(id[3..10]) == id[10] - '0',
        _ when id.StartsWith("GB", StringComparison.Ordinal) && id.Length == 11 => GbValid(id[2..]),
        _ when id.StartsWith("CHE", StringComparison.Ordinal) && id.Length == 12 =>
            ChCheck(id[3..11]) == id[11] - '0',
        _ when id.StartsWith("NL", StringComparison.Ordinal) && id.Length == 14 =>
            NlCheck(id[2..10]) == id[10] - '0' && id[11] == 'B',
        _ => id.Length == 15 && id.StartsWith("100", StringComparison.Ordinal) && id.All(char.IsAsciiDigit),
    };

    /// <summary>How a site might print the id (spacing, punctuation, suffixes); <c>variant</c> picks one.</summary>
    public static string Display(string id, int variant) => (id[..2], variant % 3) switch
    {
        ("DE", 1) => $"DE {id[2..5]} {id[5..8]} {id[8..]}",
        ("DE", 2) => $"DE {id[2..]}",
        ("AT", 1) => $"ATU {id[3..]}",
        ("AT", 2) => $"ATU{id[3..7]} {id[7..]}",
        ("GB", 1) => $"GB {id[2..5]} {id[5..9]} {id[9..]}",
        ("GB", 2) => $"{id[2..5]} {id[5..9]} {id[9..]}",
        ("CH", 0) => $"CHE-{id[3..6]}.{id[6..9]}.{id[9..]} MWST",
        ("CH", 1) => $"CHE-{id[3..6]}.{id[6..9]}.{id[9..]} TVA",
        ("CH", 2) => $"CHE-{id[3..6]}.{id[6..9]}.{id[9..]}",
        ("10", 1) => $"{id[..3]}-{id[3..7]}-{id[7..11]}-{id[11..]}",
        _ => id,
    };

    private static string De(Random r)
    {
        var body = (char)('1' + r.Next(9)) + Digits(r, 7);
        var check = DeCheck(body);
        return check < 10 ? $"DE{body}{check}" : "-";
    }

    private static int DeCheck(string eight)
    {
        var product = 10;
        foreach (var c in eight)
        {
            var sum = (c - '0' + product) % 10;
            product = 2 * (sum == 0 ? 10 : sum) % 11;
        }
        var check = 11 - product;
        return check == 10 ? 0 : check;
    }

    private static string At(Random r)
    {
        var body = Digits(r, 7);
        return $"ATU{body}{AtCheck(body)}";
    }

    private static int AtCheck(string seven)
    {
        var s = 0;
        for (var i = 0; i < 7; i++)
        {
            var d = seven[i] - '0';
            s += i % 2 == 1 ? d * 2 / 10 + d * 2 % 10 : d;
        }
        return (10 - (s + 4) % 10) % 10;
    }

    // Nine digits: seven weighted 8..2 plus a two-digit check; the old scheme sums to 0 mod 97, the 9755 one to -55.
    private static string Gb(Random r)
    {
        var body = (char)('1' + r.Next(9)) + Digits(r, 6);
        var sum = GbSum(body);
        var check = r.Next(2) == 0 ? (97 - sum % 97) % 97 : (97 - (sum + 55) % 97) % 97;
        return $"GB{body}{check:D2}";
    }

    private static int GbSum(string seven) => seven.Select((c, i) => (c - '0') * (8 - i)).Sum();

    private static bool GbValid(string nine)
    {
        if (!nine.All(char.IsAsciiDigit))
        {
            return false;
        }
        var total = GbSum(nine[..7]) + int.Parse(nine[7..], System.Globalization.CultureInfo.InvariantCulture);
        return total % 97 == 0 || (total + 55) % 97 == 0;
    }

    private static string Ch(Random r)
    {
        var body = (char)('1' + r.Next(9)) + Digits(r, 7);
        var check = ChCheck(body);
        return check < 10 ? $"CHE{body}{check}" : "-";
    }

    private static int ChCheck(string eight)
    {
        int[] weights = [5, 4, 3, 2, 7, 6, 5, 4];
        var check = 11 - eight.Select((c, i) => (c - '0') * weights[i]).Sum() % 11;
        return check == 11 ? 0 : check;
    }

    private static string Nl(Random r)
    {
        var body = (char)('1' + r.Next(9)) + Digits(r, 7);
        var check = NlCheck(body);
        return check < 10 ? $"NL{body}{check}B01" : "-";
    }

    private static int NlCheck(string eight) => eight.Select((c, i) => (c - '0') * (9 - i)).Sum() % 11;

    internal static string Digits(Random r, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)('0' + r.Next(10));
        }
        return new string(chars);
    }
}
