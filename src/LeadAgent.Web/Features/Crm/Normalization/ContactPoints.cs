using PhoneNumbers;

namespace LeadAgent.Web.Features.Crm.Normalization;

/// <summary>Normalises e-mail addresses, phone numbers (E.164) and social handles for matching.</summary>
public static class ContactPoints
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>A valid, normalised e-mail address or an error; see <see cref="EmailAddresses"/>.</summary>
    public static (string? Value, string? Error) Email(string? input) => EmailAddresses.Normalize(input);

    public static (string? Value, string? Error) Phone(string? input, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return (null, "Required.");
        }
        try
        {
            var number = Phones.Parse(input.Trim(), defaultRegion.ToUpperInvariant());
            return Phones.IsValidNumber(number)
                ? (Phones.Format(number, PhoneNumberFormat.E164), null)
                : (null, "Is not a valid phone number.");
        }
        catch (NumberParseException)
        {
            return (null, "Is not a valid phone number.");
        }
    }

    public static (string? Value, string? Error) Handle(string? input)
    {
        var text = input?.Trim().TrimStart('@').ToLowerInvariant();
        if (string.IsNullOrEmpty(text))
        {
            return (null, "Required.");
        }
        return text.Length > 200 || text.Any(char.IsWhiteSpace) ? (null, "Is not a valid handle or id.") : (text, null);
    }

    /// <summary>A human-friendly international rendering of an E.164 number.</summary>
    public static string FormatPhone(string e164)
    {
        try
        {
            return Phones.Format(Phones.Parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }
}
