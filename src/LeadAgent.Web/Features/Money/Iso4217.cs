namespace LeadAgent.Web.Features.Money;

/// <summary>The active ISO 4217 currency codes (metals, test and fund-only codes left out).</summary>
public static class Iso4217
{
    private static readonly HashSet<string> Codes = new(
        """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF
        CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD
        HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
        LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR
        PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND
        TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    public static bool IsCode(string? code) => code is not null && Codes.Contains(code);

    /// <summary>The code upper-cased and trimmed, with a field error unless it is an ISO 4217 code.</summary>
    public static string? Check(Infrastructure.Api.Errors errors, string field, string? input)
    {
        var code = input?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(field, "Required: a three-letter ISO 4217 code such as EUR or USD.");
            return null;
        }
        if (!IsCode(code))
        {
            errors.Add(field, $"'{code}' is not an ISO 4217 currency code (such as EUR, USD, GBP, CHF).");
            return null;
        }
        return code;
    }
}
